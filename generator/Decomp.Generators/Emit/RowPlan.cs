using System;
using System.Collections.Generic;

namespace Decomp.Generators.Emit;

/// <summary>
/// How a row of <c>n</c> elements is covered by registers of <c>lanes</c> elements: consecutive
/// chunks, the last one shifted back to end at the row's end (overlapping its neighbour) instead
/// of a scalar tail. Lanes computed twice see identical operations, so overlapping stores agree.
/// </summary>
internal sealed class RowPlan
{
    public RowPlan(int n, int lanes)
    {
        if (lanes > n)
        {
            throw new ArgumentOutOfRangeException(nameof(lanes), "a chunk must fit in the row");
        }

        Lanes = lanes;
        var count = (n + lanes - 1) / lanes;
        var offsets = new int[count];
        for (var c = 0; c < count; c++)
        {
            offsets[c] = Math.Min(c * lanes, n - lanes);
        }

        Offsets = offsets;
    }

    public int Lanes { get; }

    /// <summary>First column of each chunk.</summary>
    public IReadOnlyList<int> Offsets { get; }

    public int Count => Offsets.Count;

    /// <summary>Last column of chunk <paramref name="c"/>.</summary>
    public int End(int c) => Offsets[c] + Lanes - 1;

    /// <summary>The first chunk holding <paramref name="column"/>.</summary>
    public int ChunkOf(int column)
    {
        for (var c = 0; c < Count; c++)
        {
            if (End(c) >= column)
            {
                return c;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(column));
    }

    /// <summary>The first chunk a row needs when only its columns ≥ <paramref name="column"/> matter.</summary>
    public int FirstChunkFrom(int column) => ChunkOf(column);
}
