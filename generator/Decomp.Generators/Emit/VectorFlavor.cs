using System.Linq;

namespace Decomp.Generators.Emit;

/// <summary>
/// One register width a kernel is emitted for: Vector512, Vector256, Vector128, or plain scalars.
/// The same algorithm text is written once per flavor; each element sees the same operations in
/// every flavor, so every flavor gives bit-identical results.
/// </summary>
internal sealed class VectorFlavor
{
    public static readonly VectorFlavor V512 = new(512);
    public static readonly VectorFlavor V256 = new(256);
    public static readonly VectorFlavor V128 = new(128);
    public static readonly VectorFlavor Scalar = new(0);

    /// <summary>Widest first: the order of the run-time dispatch.</summary>
    public static readonly VectorFlavor[] All = { V512, V256, V128, Scalar };

    private VectorFlavor(int bits) => Bits = bits;

    /// <summary>Register width in bits; 0 for the scalar flavor.</summary>
    public int Bits { get; }

    public bool IsScalar => Bits == 0;

    /// <summary><c>global::System.Runtime.Intrinsics.Vector512</c> etc.; the static class of the flavor.</summary>
    public string StaticName => GlobalNames.Vector(Bits);

    /// <summary>Method-name suffix of the flavor's kernels: <c>512</c>, <c>256</c>, <c>128</c>, <c>Scalar</c>.</summary>
    public string Suffix => IsScalar ? "Scalar" : Bits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int Lanes(Numeric t) => IsScalar ? 1 : Bits / 8 / t.Size;

    public string Type(Numeric t) => IsScalar ? t.Keyword : $"{StaticName}<{t.Keyword}>";

    public string Load(string reference, int offset)
        => IsScalar
            ? $"{GlobalNames.Unsafe}.Add(ref {reference}, {offset})"
            : $"{StaticName}.LoadUnsafe(ref {reference}, {offset})";

    /// <summary>A load at a run-time offset expression.</summary>
    public string LoadAt(string reference, string offset)
        => IsScalar
            ? $"{GlobalNames.Unsafe}.Add(ref {reference}, {offset})"
            : $"{StaticName}.LoadUnsafe(ref {reference}, (nuint)({offset}))";

    public string Store(string value, string reference, int offset)
        => IsScalar
            ? $"{GlobalNames.Unsafe}.Add(ref {reference}, {offset}) = {value};"
            : $"{StaticName}.StoreUnsafe({value}, ref {reference}, {offset});";

    /// <summary>A vector of the given lanes, lowest first (a scalar flavor takes exactly one).</summary>
    public string Create(System.Collections.Generic.IEnumerable<string> lanes)
        => IsScalar ? lanes.Single() : $"{StaticName}.Create({string.Join(", ", lanes)})";

    /// <summary>√x lane by lane.</summary>
    public string Sqrt(Numeric t, string x) => IsScalar ? t.Sqrt(x) : $"{StaticName}.Sqrt({x})";

    public string Broadcast(string scalar) => IsScalar ? scalar : $"{StaticName}.Create({scalar})";

    /// <summary>All lanes set to lane <paramref name="lane"/> of <paramref name="vector"/> (one permute).</summary>
    public string BroadcastLane(Numeric t, string vector, int lane)
        => IsScalar ? vector : $"{StaticName}.Shuffle({vector}, {StaticName}.Create({lane}{t.MaskSuffix}))";

    public string Lane(string vector, int lane) => IsScalar ? vector : lane == 0 ? $"{StaticName}.ToScalar({vector})" : $"{StaticName}.GetElement({vector}, {lane})";

    public string Fma(Numeric t, string a, string b, string c)
        => IsScalar ? t.Fma(a, b, c) : $"{StaticName}.FusedMultiplyAdd({a}, {b}, {c})";

    /// <summary>
    /// √x of a scalar. Vector flavors take the square root as a one-lane vector: the scalar
    /// <c>vsqrtsd</c> merges into a stale register, which chains every column's square root to the last.
    /// </summary>
    public string ScalarSqrt(Numeric t, string x)
        => IsScalar ? t.Sqrt(x) : $"{V128.StaticName}.ToScalar({V128.StaticName}.Sqrt({V128.StaticName}.CreateScalarUnsafe({x})))";

    public string Zero(Numeric t) => IsScalar ? t.Literal(0) : $"{Type(t)}.Zero";

    /// <summary>True when every lane of <paramref name="vector"/> is zero (a NaN lane is not).</summary>
    public string AllZero(Numeric t, string vector)
        => IsScalar ? $"{vector} == {t.Literal(0)}" : $"{StaticName}.EqualsAll({vector}, {Zero(t)})";
}
