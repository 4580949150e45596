using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Every generated Cholesky kernel under test, one case per shape and element type.</summary>
public static class CholeskyCases
{
    public static readonly ICholeskyCase[] All =
    [
        new CholeskyCase<CholD1, double>(1),
        new CholeskyCase<CholD2, double>(2),
        new CholeskyCase<CholD3, double>(3),
        new CholeskyCase<CholD4, double>(4),
        new CholeskyCase<CholD5, double>(5),
        new CholeskyCase<CholD6, double>(6),
        new CholeskyCase<CholD7, double>(7),
        new CholeskyCase<CholD8, double>(8),
        new CholeskyCase<CholD9, double>(9),
        new CholeskyCase<CholD10, double>(10),
        new CholeskyCase<CholD11, double>(11),
        new CholeskyCase<CholD12, double>(12),
        new CholeskyCase<CholD13, double>(13),
        new CholeskyCase<CholD14, double>(14),
        new CholeskyCase<CholD15, double>(15),
        new CholeskyCase<CholD16, double>(16),
        new CholeskyCase<CholD17, double>(17),
        new CholeskyCase<CholD18, double>(18),
        new CholeskyCase<CholD19, double>(19),
        new CholeskyCase<CholD20, double>(20),
        new CholeskyCase<CholD21, double>(21),
        new CholeskyCase<CholD22, double>(22),
        new CholeskyCase<CholD23, double>(23),
        new CholeskyCase<CholD24, double>(24),
        new CholeskyCase<CholD25, double>(25),
        new CholeskyCase<CholD26, double>(26),
        new CholeskyCase<CholD27, double>(27),
        new CholeskyCase<CholD28, double>(28),
        new CholeskyCase<CholD29, double>(29),
        new CholeskyCase<CholD30, double>(30),
        new CholeskyCase<CholD31, double>(31),
        new CholeskyCase<CholD32, double>(32),
        new CholeskyCase<CholF1, float>(1),
        new CholeskyCase<CholF2, float>(2),
        new CholeskyCase<CholF3, float>(3),
        new CholeskyCase<CholF4, float>(4),
        new CholeskyCase<CholF5, float>(5),
        new CholeskyCase<CholF6, float>(6),
        new CholeskyCase<CholF7, float>(7),
        new CholeskyCase<CholF8, float>(8),
        new CholeskyCase<CholF9, float>(9),
        new CholeskyCase<CholF10, float>(10),
        new CholeskyCase<CholF11, float>(11),
        new CholeskyCase<CholF12, float>(12),
        new CholeskyCase<CholF13, float>(13),
        new CholeskyCase<CholF14, float>(14),
        new CholeskyCase<CholF15, float>(15),
        new CholeskyCase<CholF16, float>(16),
        new CholeskyCase<CholF17, float>(17),
        new CholeskyCase<CholF18, float>(18),
        new CholeskyCase<CholF19, float>(19),
        new CholeskyCase<CholF20, float>(20),
        new CholeskyCase<CholF21, float>(21),
        new CholeskyCase<CholF22, float>(22),
        new CholeskyCase<CholF23, float>(23),
        new CholeskyCase<CholF24, float>(24),
        new CholeskyCase<CholF25, float>(25),
        new CholeskyCase<CholF26, float>(26),
        new CholeskyCase<CholF27, float>(27),
        new CholeskyCase<CholF28, float>(28),
        new CholeskyCase<CholF29, float>(29),
        new CholeskyCase<CholF30, float>(30),
        new CholeskyCase<CholF31, float>(31),
        new CholeskyCase<CholF32, float>(32),
    ];

    /// <summary>xunit member data: the case names.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static ICholeskyCase Get(string name) => System.Array.Find(All, c => c.Name == name)!;
}
