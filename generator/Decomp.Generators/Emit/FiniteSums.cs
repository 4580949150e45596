using System.Linq;

namespace Decomp.Generators.Emit;

/// <summary>Folds values into two running sums of x·0, which stay zero exactly while every x is finite.</summary>
internal sealed class FiniteSums
{
    private const int Count = 2;
    private readonly SourceWriter _w;
    private readonly VectorFlavor _f;
    private readonly Numeric _t;
    private int _added;

    public FiniteSums(SourceWriter writer, VectorFlavor flavor, Numeric t)
    {
        _w = writer;
        _f = flavor;
        _t = t;
    }

    public void Add(string value)
    {
        var sum = $"finite{_added % Count}";
        _w.WriteLine(_added < Count
            ? $"var {sum} = {value} * {_f.Zero(_t)};"
            : $"{sum} = {_f.Fma(_t, value, _f.Zero(_t), sum)};");
        _added++;
    }

    public void EmitCheck()
    {
        var sums = System.Math.Min(Count, _added);
        var total = string.Join(" + ", Enumerable.Range(0, sums).Select(s => $"finite{s}"));
        _w.WriteLine();
        _w.WriteLine("// x·0 is NaN exactly when x is NaN or ∞.");
        using (_w.Block($"if (!({_f.AllZero(_t, _f.IsScalar && sums > 1 ? $"({total})" : total)}))"))
        {
            _w.WriteLine("return InputNotFinite;");
        }
    }
}
