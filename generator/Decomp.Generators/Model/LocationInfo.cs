using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Decomp.Generators.Model;

/// <summary>A <see cref="Location"/> reduced to values, so it can live in a cached model.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
        => location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
