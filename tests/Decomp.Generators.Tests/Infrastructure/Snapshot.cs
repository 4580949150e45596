using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Decomp.Generators.Tests.Infrastructure;

/// <summary>
/// Compares test output with committed files in <c>_snapshots/</c> beside the calling test:
/// <c>{TestClass}.{TestMethod}#{HintName}.verified.cs</c> per generated source and
/// <c>{TestClass}.{TestMethod}.verified.txt</c> for text. A mismatch or a missing file writes
/// <c>.received.*</c> beside it and fails; <c>DECOMP_ACCEPT_SNAPSHOTS=1</c> accepts, except under CI.
/// </summary>
internal static class Snapshot
{
    public const string FolderName = "_snapshots";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Verifies every generated source of the calling test, one file per hint name.</summary>
    public static void VerifySources(
        Type testClass,
        IEnumerable<GeneratedSourceResult> sources,
        [CallerMemberName] string testMethod = "",
        [CallerFilePath] string callerFilePath = "")
    {
        var name = $"{testClass.Name}.{testMethod}";
        var files = sources
            .Select(s => new SnapshotFile($"{name}#{s.HintName}", "cs", $"//HintName: {s.HintName}\n{s.SourceText}"))
            .ToList();
        if (files.Count == 0)
        {
            throw new XunitException($"{name}: the generator produced no source to snapshot.");
        }

        ThrowOnFailures(Check(FolderFor(callerFilePath), files, $"{name}#*", "cs", SnapshotMode.FromEnvironment()));
    }

    /// <summary>Verifies <paramref name="text"/> against <c>{TestClass}.{TestMethod}.verified.txt</c>.</summary>
    public static void VerifyText(
        Type testClass,
        string text,
        [CallerMemberName] string testMethod = "",
        [CallerFilePath] string callerFilePath = "")
    {
        var file = new SnapshotFile($"{testClass.Name}.{testMethod}", "txt", text);
        ThrowOnFailures(Check(FolderFor(callerFilePath), new[] { file }, orphanPattern: null, "txt", SnapshotMode.FromEnvironment()));
    }

    /// <summary>
    /// Compares <paramref name="files"/> with their verified versions in <paramref name="folder"/> and
    /// returns one message per failure. Verified files matching <paramref name="orphanPattern"/> that
    /// the test no longer produces fail too (or are deleted when accepting).
    /// </summary>
    public static IReadOnlyList<string> Check(string folder, IReadOnlyList<SnapshotFile> files, string? orphanPattern, string extension, SnapshotMode mode)
    {
        var accept = mode.Accept && !mode.IsContinuousIntegration;
        var failures = new List<string>();
        Directory.CreateDirectory(folder);

        foreach (var file in files)
        {
            var verifiedPath = Path.Combine(folder, $"{file.Name}.verified.{file.Extension}");
            var receivedPath = Path.Combine(folder, $"{file.Name}.received.{file.Extension}");
            var received = Normalize(file.Content);
            var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Utf8NoBom)) : null;

            if (verified == received)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verifiedPath, received, Utf8NoBom);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, received, Utf8NoBom);
            failures.Add(verified is null
                ? $"Snapshot missing: {verifiedPath}\n  received: {receivedPath}"
                : $"Snapshot mismatch: {verifiedPath}\n  received: {receivedPath}\n{FirstDifference(verified, received)}");
        }

        if (orphanPattern is not null)
        {
            var produced = files.Select(f => $"{f.Name}.verified.{f.Extension}").ToHashSet(StringComparer.Ordinal);
            foreach (var orphan in Directory.EnumerateFiles(folder, $"{orphanPattern}.verified.{extension}").Order(StringComparer.Ordinal))
            {
                if (produced.Contains(Path.GetFileName(orphan)))
                {
                    continue;
                }

                if (accept)
                {
                    File.Delete(orphan);
                }
                else
                {
                    failures.Add($"Snapshot no longer produced: {orphan}");
                }
            }
        }

        if (failures.Count > 0)
        {
            failures.Add(mode.IsContinuousIntegration
                ? $"Under CI snapshots are never accepted: run the tests locally with {SnapshotMode.AcceptVariable}=1, review the diff and commit the .verified files."
                : $"Review the .received files; if they are right, rerun with {SnapshotMode.AcceptVariable}=1 to accept them.");
        }

        return failures;
    }

    /// <summary>
    /// The <c>_snapshots</c> folder beside <paramref name="callerFilePath"/>. A CI build maps source
    /// paths to <c>/_/…</c> (deterministic paths), so then the repository is found from the test binary.
    /// </summary>
    public static string FolderFor(string callerFilePath)
    {
        var sourceFolder = Path.GetDirectoryName(callerFilePath)
            ?? throw new XunitException($"Cannot locate the snapshot folder: no directory in '{callerFilePath}'.");
        if (Directory.Exists(sourceFolder))
        {
            return Path.Combine(sourceFolder, FolderName);
        }

        var relative = MappedRelativePath(sourceFolder);
        for (var root = new DirectoryInfo(AppContext.BaseDirectory); root is not null; root = root.Parent)
        {
            var candidate = Path.Combine(root.FullName, relative);
            if (relative.Length > 0 && Directory.Exists(candidate))
            {
                return Path.Combine(candidate, FolderName);
            }
        }

        throw new XunitException($"Cannot locate the snapshot folder for '{callerFilePath}' (not found above {AppContext.BaseDirectory}).");
    }

    /// <summary>LF line endings and a final newline, whatever the platform or checkout did.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    // "/_/tests/X" or "/_1/tests/X" (PathMap of a deterministic build) → "tests/X".
    private static string MappedRelativePath(string folder)
    {
        var parts = folder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = parts.Length > 0 && parts[0].StartsWith('_') ? 1 : 0;
        return Path.Combine(parts.Skip(start).ToArray());
    }

    private static string FirstDifference(string verified, string received)
    {
        var expected = verified.Split('\n');
        var actual = received.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "<end of file>";
            var a = i < actual.Length ? actual[i] : "<end of file>";
            if (e != a)
            {
                return $"  first difference at line {i + 1}:\n    verified: {e}\n    received: {a}";
            }
        }

        return "  (no line differs)";
    }

    private static void ThrowOnFailures(IReadOnlyList<string> failures)
    {
        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n", failures));
        }
    }
}

/// <summary>One snapshot: its name without suffix, its extension (<c>cs</c>, <c>txt</c>) and the content the test produced.</summary>
internal sealed record SnapshotFile(string Name, string Extension, string Content);
