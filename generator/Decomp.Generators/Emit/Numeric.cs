using System.Globalization;
using Decomp.Generators.Model;

namespace Decomp.Generators.Emit;

/// <summary>How an element type is spelled in generated code.</summary>
internal sealed class Numeric
{
    public static readonly Numeric Double = new("double", 8, "L", "AsDouble");
    public static readonly Numeric Float = new("float", 4, string.Empty, "AsSingle");

    private Numeric(string keyword, int size, string maskSuffix, string maskReinterpret)
    {
        Keyword = keyword;
        Size = size;
        MaskSuffix = maskSuffix;
        MaskReinterpret = maskReinterpret;
    }

    /// <summary><c>double</c> or <c>float</c>.</summary>
    public string Keyword { get; }

    /// <summary>Bytes per element.</summary>
    public int Size { get; }

    /// <summary>Suffix of the integer literals of a lane mask (<c>-1L</c> for double lanes, <c>-1</c> for float).</summary>
    public string MaskSuffix { get; }

    /// <summary>The reinterpretation from the integer mask vector to the element vector.</summary>
    public string MaskReinterpret { get; }

    public static Numeric For(ElementType element) => element == ElementType.Float ? Float : Double;

    /// <summary>A literal that round-trips exactly and never depends on the machine's culture.</summary>
    public string Literal(double value)
    {
        var text = Keyword == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
        {
            text += ".0";
        }

        return Keyword == "float" ? text + "f" : text;
    }

    public string Fma(string a, string b, string c) => $"{Keyword}.FusedMultiplyAdd({a}, {b}, {c})";

    public string Sqrt(string x) => $"{Keyword}.Sqrt({x})";
}
