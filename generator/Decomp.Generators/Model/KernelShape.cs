namespace Decomp.Generators.Model;

/// <summary>The fixed shape and element type a kernel is generated for.</summary>
internal sealed record KernelShape(int Rows, int Columns, ElementType Element)
{
    public bool IsSquare => Rows == Columns;

    /// <summary>The order n of a square shape.</summary>
    public int N => Rows;
}
