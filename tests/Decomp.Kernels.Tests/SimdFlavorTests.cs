using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Decomp.Kernels.Tests;

/// <summary>
/// Every kernel is emitted once per register width (Vector512/256/128 and scalars) and the JIT keeps
/// one. The widths must give bit-identical results, so a program that hashes the outputs of several
/// kernels runs with the JIT's SIMD support narrowed step by step, and every hash must agree.
/// </summary>
public sealed class SimdFlavorTests
{
    [Fact]
    public void EverySimdWidth_AndTheScalarPath_GiveBitIdenticalResults()
    {
        var widest = Run();
        var without512 = Run(("DOTNET_EnableAVX512", "0"));
        var without256 = Run(("DOTNET_EnableAVX2", "0"), ("DOTNET_EnableAVX512", "0"));
        var scalar = Run(("DOTNET_EnableHWIntrinsic", "0"));

        Assert.Equal("width=0", scalar.Width);
        Assert.NotEqual(scalar.Width, widest.Width);
        if (widest.Width == "width=512")
        {
            Assert.Equal("width=256", without512.Width);
        }

        Assert.Equal(widest.Hash, without512.Hash);
        Assert.Equal(widest.Hash, without256.Hash);
        Assert.Equal(widest.Hash, scalar.Hash);
    }

    private static (string Width, string Hash) Run(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(PathCheckAssembly());
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.True(process.ExitCode == 0, error);
        var parts = output.Trim().Split(' ');
        return (parts[0], parts[1]);
    }

    private static string PathCheckAssembly()
    {
        // bin/<Configuration>/net10.0/ of this test assembly names the configuration to look in; the project folder is
        // found from the binary upwards ([CallerFilePath] would not do: a CI build maps source paths to /_/).
        var binary = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = binary.Parent!.Name;
        var testsFolder = binary.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsFolder, "Decomp.Kernels.PathCheck", "bin", configuration, "net10.0", "Decomp.Kernels.PathCheck.dll");
        Assert.True(File.Exists(path), $"{path} is built by the project reference");
        return path;
    }
}
