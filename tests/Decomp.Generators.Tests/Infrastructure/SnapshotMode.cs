using System;

namespace Decomp.Generators.Tests.Infrastructure;

/// <summary>How a snapshot mismatch is handled: fail (and write <c>.received.*</c>) or accept.</summary>
/// <param name="Accept">Overwrite verified files with what the test produced (<c>DECOMP_ACCEPT_SNAPSHOTS=1</c>).</param>
/// <param name="IsContinuousIntegration">Running under CI (<c>CI=true</c>): accepting is refused, so a missing or stale snapshot always fails.</param>
internal sealed record SnapshotMode(bool Accept, bool IsContinuousIntegration)
{
    public const string AcceptVariable = "DECOMP_ACCEPT_SNAPSHOTS";

    /// <summary>The mode the environment asks for.</summary>
    public static SnapshotMode FromEnvironment()
        => new(
            Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true",
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("CI") == "1");
}
