using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Every generated LDLᵀ kernel under test, one case per shape and element type.</summary>
public static class LdltCases
{
    public static readonly ILdltCase[] All =
    [
        new LdltCase<LdltD1, double>(1),
        new LdltCase<LdltD2, double>(2),
        new LdltCase<LdltD3, double>(3),
        new LdltCase<LdltD4, double>(4),
        new LdltCase<LdltD5, double>(5),
        new LdltCase<LdltD6, double>(6),
        new LdltCase<LdltD7, double>(7),
        new LdltCase<LdltD8, double>(8),
        new LdltCase<LdltD9, double>(9),
        new LdltCase<LdltD10, double>(10),
        new LdltCase<LdltD11, double>(11),
        new LdltCase<LdltD12, double>(12),
        new LdltCase<LdltD13, double>(13),
        new LdltCase<LdltD14, double>(14),
        new LdltCase<LdltD15, double>(15),
        new LdltCase<LdltD16, double>(16),
        new LdltCase<LdltD17, double>(17),
        new LdltCase<LdltD18, double>(18),
        new LdltCase<LdltD19, double>(19),
        new LdltCase<LdltD20, double>(20),
        new LdltCase<LdltD21, double>(21),
        new LdltCase<LdltD22, double>(22),
        new LdltCase<LdltD23, double>(23),
        new LdltCase<LdltD24, double>(24),
        new LdltCase<LdltD25, double>(25),
        new LdltCase<LdltD26, double>(26),
        new LdltCase<LdltD27, double>(27),
        new LdltCase<LdltD28, double>(28),
        new LdltCase<LdltD29, double>(29),
        new LdltCase<LdltD30, double>(30),
        new LdltCase<LdltD31, double>(31),
        new LdltCase<LdltD32, double>(32),
        new LdltCase<LdltF1, float>(1),
        new LdltCase<LdltF2, float>(2),
        new LdltCase<LdltF3, float>(3),
        new LdltCase<LdltF4, float>(4),
        new LdltCase<LdltF5, float>(5),
        new LdltCase<LdltF6, float>(6),
        new LdltCase<LdltF7, float>(7),
        new LdltCase<LdltF8, float>(8),
        new LdltCase<LdltF9, float>(9),
        new LdltCase<LdltF10, float>(10),
        new LdltCase<LdltF11, float>(11),
        new LdltCase<LdltF12, float>(12),
        new LdltCase<LdltF13, float>(13),
        new LdltCase<LdltF14, float>(14),
        new LdltCase<LdltF15, float>(15),
        new LdltCase<LdltF16, float>(16),
        new LdltCase<LdltF17, float>(17),
        new LdltCase<LdltF18, float>(18),
        new LdltCase<LdltF19, float>(19),
        new LdltCase<LdltF20, float>(20),
        new LdltCase<LdltF21, float>(21),
        new LdltCase<LdltF22, float>(22),
        new LdltCase<LdltF23, float>(23),
        new LdltCase<LdltF24, float>(24),
        new LdltCase<LdltF25, float>(25),
        new LdltCase<LdltF26, float>(26),
        new LdltCase<LdltF27, float>(27),
        new LdltCase<LdltF28, float>(28),
        new LdltCase<LdltF29, float>(29),
        new LdltCase<LdltF30, float>(30),
        new LdltCase<LdltF31, float>(31),
        new LdltCase<LdltF32, float>(32),
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

    public static ILdltCase Get(string name) => System.Array.Find(All, c => c.Name == name)!;
}
