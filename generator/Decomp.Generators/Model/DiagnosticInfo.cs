using Microsoft.CodeAnalysis;

namespace Decomp.Generators.Model;

/// <summary>A diagnostic held as values (descriptor, location, message arguments) until it is reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
        => new(descriptor, LocationInfo.From(location), new EquatableArray<string>(messageArgs));

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s syntax tree (see <see cref="LocationInfo.ToLocation"/>).</summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
        => Diagnostic.Create(Descriptor, Location?.ToLocation(compilation), MessageArgs.AsSpan().ToArray());
}
