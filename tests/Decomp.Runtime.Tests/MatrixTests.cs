using System;
using Xunit;

namespace Decomp.Runtime.Tests;

public class MatrixTests
{
    [Fact]
    public void FromArray_IndexerAndAsSpan_AreRowMajor()
    {
        var m = Matrix<double>.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(2, m.Rows);
        Assert.Equal(3, m.Columns);
        Assert.Equal(6, m[1, 2]);
        m[0, 1] = 9;
        Assert.Equal(new double[] { 1, 9, 3, 4, 5, 6 }, m.AsSpan().ToArray());
        Assert.Equal(new double[,] { { 1, 9, 3 }, { 4, 5, 6 } }, m.ToArray());
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var m = new Matrix<float>(2, 2);
        Assert.Throws<IndexOutOfRangeException>(() => m[2, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => m[0, -1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix<float>(-1, 2));
    }

    [Fact]
    public void UnsupportedElementType_Throws()
        => Assert.Throws<NotSupportedException>(() => new Matrix<Half>(2, 2));

    [Fact]
    public void Solve_ShortSpans_ThrowNamingTheParameter()
    {
        var lu = Matrix<double>.FromArray(new double[,] { { 2, 1 }, { 1, 3 } }).LU();
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => lu.Solve(new double[1], new double[2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => lu.Solve(new double[2], new double[1])).ParamName);
        Assert.Throws<ArgumentException>(() => lu.Solve(new Matrix<double>(3, 1)));
    }

    [Fact]
    public void EmptyMatrix_Factors()
    {
        var m = new Matrix<double>(0, 0);
        Assert.Equal(1, m.Cholesky().Determinant());
        Assert.Equal(0, m.LU().Inverse().Rows);
    }
}
