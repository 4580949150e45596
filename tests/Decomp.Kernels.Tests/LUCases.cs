using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>Every generated LU kernel under test, one case per shape and element type.</summary>
public static class LUCases
{
    public static readonly ILUCase[] All =
    [
        new LUCase<LUD1, double>(1),
        new LUCase<LUD2, double>(2),
        new LUCase<LUD3, double>(3),
        new LUCase<LUD4, double>(4),
        new LUCase<LUD5, double>(5),
        new LUCase<LUD6, double>(6),
        new LUCase<LUD7, double>(7),
        new LUCase<LUD8, double>(8),
        new LUCase<LUD9, double>(9),
        new LUCase<LUD10, double>(10),
        new LUCase<LUD11, double>(11),
        new LUCase<LUD12, double>(12),
        new LUCase<LUD13, double>(13),
        new LUCase<LUD14, double>(14),
        new LUCase<LUD15, double>(15),
        new LUCase<LUD16, double>(16),
        new LUCase<LUD17, double>(17),
        new LUCase<LUD18, double>(18),
        new LUCase<LUD19, double>(19),
        new LUCase<LUD20, double>(20),
        new LUCase<LUD21, double>(21),
        new LUCase<LUD22, double>(22),
        new LUCase<LUD23, double>(23),
        new LUCase<LUD24, double>(24),
        new LUCase<LUD25, double>(25),
        new LUCase<LUD26, double>(26),
        new LUCase<LUD27, double>(27),
        new LUCase<LUD28, double>(28),
        new LUCase<LUD29, double>(29),
        new LUCase<LUD30, double>(30),
        new LUCase<LUD31, double>(31),
        new LUCase<LUD32, double>(32),
        new LUCase<LUF1, float>(1),
        new LUCase<LUF2, float>(2),
        new LUCase<LUF3, float>(3),
        new LUCase<LUF4, float>(4),
        new LUCase<LUF5, float>(5),
        new LUCase<LUF6, float>(6),
        new LUCase<LUF7, float>(7),
        new LUCase<LUF8, float>(8),
        new LUCase<LUF9, float>(9),
        new LUCase<LUF10, float>(10),
        new LUCase<LUF11, float>(11),
        new LUCase<LUF12, float>(12),
        new LUCase<LUF13, float>(13),
        new LUCase<LUF14, float>(14),
        new LUCase<LUF15, float>(15),
        new LUCase<LUF16, float>(16),
        new LUCase<LUF17, float>(17),
        new LUCase<LUF18, float>(18),
        new LUCase<LUF19, float>(19),
        new LUCase<LUF20, float>(20),
        new LUCase<LUF21, float>(21),
        new LUCase<LUF22, float>(22),
        new LUCase<LUF23, float>(23),
        new LUCase<LUF24, float>(24),
        new LUCase<LUF25, float>(25),
        new LUCase<LUF26, float>(26),
        new LUCase<LUF27, float>(27),
        new LUCase<LUF28, float>(28),
        new LUCase<LUF29, float>(29),
        new LUCase<LUF30, float>(30),
        new LUCase<LUF31, float>(31),
        new LUCase<LUF32, float>(32),
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

    public static ILUCase Get(string name) => System.Array.Find(All, c => c.Name == name)!;
}
