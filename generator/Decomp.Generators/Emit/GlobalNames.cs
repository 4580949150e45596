namespace Decomp.Generators.Emit;

/// <summary>
/// Fully qualified names of the runtime types generated code uses. The code lands in the user's
/// namespace and partial type, where a user type named <c>Unsafe</c> or <c>Vector256</c> would capture
/// an unqualified name, so every such name is spelled from <c>global::</c> and no <c>using</c> is emitted.
/// </summary>
internal static class GlobalNames
{
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";

    public const string InlineArray = "global::System.Runtime.CompilerServices.InlineArray";

    public const string ReadOnlySpan = "global::System.ReadOnlySpan";

    public const string Span = "global::System.Span";

    public const string Math = "global::System.Math";

    public const string KernelErrors = "global::Decomp.Generated.KernelErrors";

    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";

    /// <summary>Full optimization at the first call, skipping tier 0 (the kernels have no use for its profile).</summary>
    public const string AggressiveOptimization = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>The static class of a vector width: <c>global::System.Runtime.Intrinsics.Vector256</c>.</summary>
    public static string Vector(int bits) => "global::System.Runtime.Intrinsics.Vector" + bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
