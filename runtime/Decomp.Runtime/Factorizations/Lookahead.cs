namespace Decomp.Factorizations;

/// <summary>When overlapping the next panel with the trailing update pays for a second thread.</summary>
internal static class Lookahead
{
    // The trailing update must be worth at least ~1 ms of one core for the task hand-off to pay.
    private const long MinimumTrailingWork = 1L << 24;

    /// <summary>Whether to run panel and trailing update concurrently (multi-core allowed and big enough).</summary>
    /// <param name="rows">Rows of the trailing update.</param>
    /// <param name="columns">Columns of the trailing update.</param>
    /// <param name="depth">Its inner dimension (the block size).</param>
    public static bool Worthwhile(int rows, int columns, int depth)
        => DecompRuntime.EffectiveParallelism > 1 && (long)rows * columns * depth >= MinimumTrailingWork;
}
