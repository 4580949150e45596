using System;
using System.IO;
using Decomp.Generators.Tests.Infrastructure;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>The snapshot helper itself: it must fail loudly, write what it saw, and never accept under CI.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private static readonly SnapshotMode Local = new(Accept: false, IsContinuousIntegration: false);
    private static readonly SnapshotMode Accepting = new(Accept: true, IsContinuousIntegration: false);
    private static readonly SnapshotMode ContinuousIntegration = new(Accept: false, IsContinuousIntegration: true);
    private static readonly SnapshotMode AcceptingUnderCi = new(Accept: true, IsContinuousIntegration: true);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decomp-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void MissingVerifiedFile_FailsAndWritesReceived()
    {
        var failures = Check("T.M#A.g.cs", "cs", "content\n", Local);

        Assert.Contains(failures, f => f.StartsWith("Snapshot missing:", StringComparison.Ordinal));
        Assert.Equal("content\n", File.ReadAllText(Path.Combine(_folder, "T.M#A.g.cs.received.cs")));
        Assert.False(File.Exists(Path.Combine(_folder, "T.M#A.g.cs.verified.cs")));
    }

    [Fact]
    public void MissingVerifiedFile_FailsUnderCi()
    {
        var failures = Check("T.M", "txt", "content", ContinuousIntegration);

        Assert.Contains(failures, f => f.StartsWith("Snapshot missing:", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder, "T.M.received.txt")));
    }

    [Fact]
    public void AcceptUnderCi_IsRefused_SoAMissingSnapshotStillFails()
    {
        var failures = Check("T.M", "txt", "content", AcceptingUnderCi);

        Assert.Contains(failures, f => f.StartsWith("Snapshot missing:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Under CI snapshots are never accepted", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_folder, "T.M.verified.txt")));
    }

    [Fact]
    public void Accept_WritesVerifiedWithLf_AndDeletesReceived()
    {
        Check("T.M", "txt", "old", Local);

        var failures = Check("T.M", "txt", "line 1\r\nline 2", Accepting);

        Assert.Empty(failures);
        Assert.Equal("line 1\nline 2\n", File.ReadAllText(Path.Combine(_folder, "T.M.verified.txt")));
        Assert.False(File.Exists(Path.Combine(_folder, "T.M.received.txt")));
    }

    [Fact]
    public void MatchingVerifiedFile_Passes_AndDeletesStaleReceived()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "same\n");
        File.WriteAllText(Path.Combine(_folder, "T.M.received.txt"), "stale\n");

        Assert.Empty(Check("T.M", "txt", "same", Local));
        Assert.False(File.Exists(Path.Combine(_folder, "T.M.received.txt")));
    }

    [Fact]
    public void VerifiedFileWithCrlf_MatchesLfOutput()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "a\r\nb\r\n");

        Assert.Empty(Check("T.M", "txt", "a\nb\n", Local));
    }

    [Fact]
    public void Mismatch_FailsNamingTheFirstDifferingLine()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "a\nb\nc\n");

        var failures = Check("T.M", "txt", "a\nB\nc\n", Local);

        var mismatch = Assert.Single(failures, f => f.StartsWith("Snapshot mismatch:", StringComparison.Ordinal));
        Assert.Contains("first difference at line 2", mismatch, StringComparison.Ordinal);
        Assert.Equal("a\nB\nc\n", File.ReadAllText(Path.Combine(_folder, "T.M.received.txt")));
        Assert.Equal("a\nb\nc\n", File.ReadAllText(Path.Combine(_folder, "T.M.verified.txt")));
    }

    [Fact]
    public void VerifiedSourceNoLongerGenerated_Fails_UnlessAccepted()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "T.M#A.g.cs.verified.cs"), "a\n");
        File.WriteAllText(Path.Combine(_folder, "T.M#Gone.g.cs.verified.cs"), "gone\n");
        var files = new[] { new SnapshotFile("T.M#A.g.cs", "cs", "a\n") };

        Assert.Contains(Snapshot.Check(_folder, files, "T.M#*", "cs", Local), f => f.StartsWith("Snapshot no longer produced:", StringComparison.Ordinal));
        Assert.Empty(Snapshot.Check(_folder, files, "T.M#*", "cs", Accepting));
        Assert.False(File.Exists(Path.Combine(_folder, "T.M#Gone.g.cs.verified.cs")));
    }

    [Fact]
    public void SnapshotFolder_IsFoundFromADeterministicCiSourcePath()
    {
        var local = Snapshot.FolderFor(ThisFilePath());
        var mapped = Snapshot.FolderFor("/_/tests/Decomp.Generators.Tests/SnapshotHelperTests.cs");

        Assert.Equal(Path.GetFullPath(local), Path.GetFullPath(mapped));
    }

    [Fact]
    public void CommittedSnapshots_UseLf_AndNameTheirHintOnTheFirstLine()
    {
        var folder = Snapshot.FolderFor(ThisFilePath());

        Assert.All(Directory.GetFiles(folder, "*.verified.*"), path =>
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain('\r', text);
            if (path.EndsWith(".verified.cs", StringComparison.Ordinal))
            {
                var hintName = Path.GetFileName(path)[(Path.GetFileName(path).IndexOf('#') + 1)..^".verified.cs".Length];
                Assert.StartsWith($"//HintName: {hintName}\n", text, StringComparison.Ordinal);
            }
        });
    }

    private static string ThisFilePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    private System.Collections.Generic.IReadOnlyList<string> Check(string name, string extension, string content, SnapshotMode mode)
        => Snapshot.Check(_folder, new[] { new SnapshotFile(name, extension, content) }, orphanPattern: null, extension, mode);
}
