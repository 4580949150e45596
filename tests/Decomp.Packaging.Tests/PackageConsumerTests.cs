using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace Decomp.Packaging.Tests;

/// <summary>
/// Installs the packages the way a user does: packs both projects into a local folder feed, restores
/// a fresh console project from that feed alone, builds it with warnings as errors and runs it.
/// </summary>
public sealed class PackageConsumerTests
{
    [Fact]
    public void ConsumerRestoredFromPackedPackages_BuildsWarningFree_AndSolves()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("decomp-package-");
        try
        {
            // A version no cache has seen, so the consumer can only get these bits.
            var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            var feed = Path.Combine(work.FullName, "feed");
            var artifacts = Path.Combine(work.FullName, "artifacts");
            foreach (var project in new[] { "runtime/Decomp.Runtime/Decomp.Runtime.csproj", "generator/Decomp.Generators/Decomp.Generators.csproj" })
            {
                Dotnet(root, "pack", Path.Combine(root, project), "-c", "Release", "-o", feed, "--artifacts-path", artifacts, $"-p:PackageVersion={version}", "-p:UseSharedCompilation=false");
            }

            var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n).ToArray();
            Assert.Equal(new[] { $"Decomp.Generators.{version}.nupkg", $"Decomp.Runtime.{version}.nupkg" }, packages);

            var consumer = Path.Combine(work.FullName, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <AnalysisLevel>latest-recommended</AnalysisLevel>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Decomp.Generators" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using System;
                using System.Globalization;
                using Consumer;

                double[] a = [4, 1, 1, 0, 1, 3, 0, 1, 1, 0, 2, 0, 0, 1, 0, 2];
                double[] b = [6, 6, 5, 5];
                var x = new double[4];
                Chol4.Factor(a).Solve(b, x);
                Console.WriteLine(string.Join(" ", Array.ConvertAll(x, v => v.ToString("F6", CultureInfo.InvariantCulture))));
                """);
            File.WriteAllText(Path.Combine(consumer, "Kernels.cs"), """
                using Decomp;

                namespace Consumer;

                /// <summary>A user's kernel.</summary>
                [Factorize(Kind.Cholesky, Size = 4)]
                public partial struct Chol4;
                """);

            var packagesFolder = Path.Combine(work.FullName, "packages");
            Dotnet(consumer, "restore", "--packages", packagesFolder);
            var output = Dotnet(consumer, "run", "--no-restore", "-p:UseSharedCompilation=false");

            // The seed's problem 1 (A = [[4,1,1,0],[1,3,0,1],[1,0,2,0],[0,1,0,2]], b = [6,6,5,5]) has the
            // exact solution x = (21, 35, 67, 60) / 31.
            Assert.Equal("0.677419 1.129032 2.161290 1.935484", output.Trim());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {string.Join(' ', arguments)} timed out");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>
    /// The folder holding the solution, found from the test binary upwards ([CallerFilePath] would not do: a CI build
    /// maps source paths to <c>/_/</c>).
    /// </summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Decomp.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Decomp.Generators.sln above {AppContext.BaseDirectory}.");
    }
}
