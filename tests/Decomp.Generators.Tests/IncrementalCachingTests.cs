using System;
using System.Collections.Generic;
using System.Linq;
using Decomp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace Decomp.Generators.Tests;

/// <summary>
/// Named edit scenarios (after riok/mapperly's IncrementalGeneratorTest): run the generator, edit the
/// compilation, run the same driver again and assert the <see cref="IncrementalStepRunReason"/> of every
/// tracked step. Only an edit to a struct's own attribute may regenerate that struct's file.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Kernels = """
        using Decomp;

        namespace Game;

        [Factorize(Kind.Cholesky, Size = 4)]
        public partial struct First;

        [Factorize(Kind.Cholesky, Size = 4)]
        public partial struct Second;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private const string Unrelated = """
        namespace Game;

        public sealed class Player
        {
            public int Score { get; set; }
        }
        """;

    private const string FirstFile = "Game.First.Factorize.g.cs";
    private const string SecondFile = "Game.Second.Factorize.g.cs";

    private static readonly string[] PipelineSteps =
    {
        FactorizeGenerator.TrackingNames.Parse,
        FactorizeGenerator.TrackingNames.Models,
        FactorizeGenerator.TrackingNames.Diagnostics,
    };

    [Fact]
    public void FirstRun_ReportsEveryStepAsNew()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Kernels, Unrelated));

        foreach (var step in PipelineSteps)
        {
            Assert.All(Reasons(run, step), reason => Assert.Equal(New, reason));
        }

        Assert.All(OutputReasons(run), reason => Assert.Equal(New, reason));
        Assert.Equal(new[] { FirstFile, SecondFile }, run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void AddingUnrelatedType_DoesNotRegenerate()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels);
        var first = GeneratorHarness.Run(compilation);

        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse(Unrelated, "Player.cs")));

        AssertNothingRegenerated(first, second);
    }

    [Fact]
    public void EditingUnrelatedFile_DoesNotRegenerate()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels, Unrelated);
        var first = GeneratorHarness.Run(compilation);

        var edited = Edit(compilation, "Source1.cs", "public int Score { get; set; }", "public int Score { get; set; }\n    public string Name { get; set; } = \"\";");
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertNothingRegenerated(first, second);
    }

    [Fact]
    public void EditingMethodBodyInSameFile_DoesNotRegenerate()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels, Unrelated);
        var first = GeneratorHarness.Run(compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, "Source0.cs", "x * 2", "x + x"));

        AssertNothingRegenerated(first, second);
        // The file changed, so both structs were parsed again: Unchanged (not Cached) proves the new
        // models compared equal to the old ones by value.
        Assert.Equal(new[] { Unchanged, Unchanged }, Reasons(second, FactorizeGenerator.TrackingNames.Parse));
    }

    [Fact]
    public void ReformattingAndCommentingTheStruct_DoesNotRegenerate()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels);
        var first = GeneratorHarness.Run(compilation);

        var edited = Edit(
            compilation,
            "Source0.cs",
            "[Factorize(Kind.Cholesky, Size = 4)]\npublic partial struct First;",
            "// The contact solver's normal equations.\n[Factorize( Kind.Cholesky,  Size = 4 )]\npublic   partial struct First\n{\n}");
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertNothingRegenerated(first, second);
    }

    [Fact]
    public void ChangingSizeOfOneStruct_RegeneratesOnlyThatStruct()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels);
        var first = GeneratorHarness.Run(compilation);

        var edited = Edit(compilation, "Source0.cs", "[Factorize(Kind.Cholesky, Size = 4)]\npublic partial struct First;", "[Factorize(Kind.Cholesky, Size = 5)]\npublic partial struct First;");
        var second = GeneratorHarness.Run(first.Driver, edited);

        var models = Outputs(second, FactorizeGenerator.TrackingNames.Models);
        var modified = Assert.Single(models, o => o.Reason == Modified);
        Assert.Equal(FirstFile, HintNameOf(modified.Value));
        Assert.All(models.Where(o => o.Reason != Modified), o => Assert.Contains(o.Reason, new[] { Cached, Unchanged }));

        Assert.Single(OutputReasons(second), reason => reason == Modified);
        Assert.NotEqual(first.SourceText(FirstFile), second.SourceText(FirstFile));
        Assert.Equal(first.SourceText(SecondFile), second.SourceText(SecondFile));
    }

    [Fact]
    public void AddingSecondFileWithAStruct_DoesNotRegenerateTheFirst()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels);
        var first = GeneratorHarness.Run(compilation);

        var added = "using Decomp;\nnamespace Game;\n[Factorize(Kind.Cholesky, Size = 3, Element = typeof(float))]\npublic partial struct Third;\n";
        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse(added, "Third.cs")));

        var models = Outputs(second, FactorizeGenerator.TrackingNames.Models);
        Assert.Equal("Game.Third.Factorize.g.cs", HintNameOf(Assert.Single(models, o => o.Reason == New).Value));
        Assert.All(models.Where(o => o.Reason != New), o => Assert.Contains(o.Reason, new[] { Cached, Unchanged }));
        Assert.Equal(first.SourceText(FirstFile), second.SourceText(FirstFile));
        Assert.Equal(first.SourceText(SecondFile), second.SourceText(SecondFile));
    }

    [Fact]
    public void ChangingAnInvalidStruct_RerunsOnlyTheDiagnosticsBranch()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels, "using Decomp;\nnamespace Game;\n[Factorize(Kind.Cholesky, Size = 40)]\npublic partial struct TooBig;\n");
        var first = GeneratorHarness.Run(compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, "Source1.cs", "Size = 40", "Size = 50"));

        Assert.Single(Reasons(second, FactorizeGenerator.TrackingNames.Diagnostics), reason => reason == Modified);
        Assert.All(Reasons(second, FactorizeGenerator.TrackingNames.Models), reason => Assert.Contains(reason, new[] { Cached, Unchanged }));
        Assert.Contains("Size = 50", Assert.Single(second.GeneratorDiagnostics).GetMessage(), StringComparison.Ordinal);
        Assert.Equal(first.SourceText(FirstFile), second.SourceText(FirstFile));
    }

    [Fact]
    public void FixingAnInvalidStruct_AddsItsFile_AndDropsItsDiagnostic()
    {
        var compilation = GeneratorHarness.CreateCompilation(Kernels, "using Decomp;\nnamespace Game;\n[Factorize(Kind.Cholesky, Size = 40)]\npublic partial struct TooBig;\n");
        var first = GeneratorHarness.Run(compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, "Source1.cs", "Size = 40", "Size = 4"));

        Assert.Single(first.GeneratorDiagnostics);
        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Equal(new[] { FirstFile, SecondFile, "Game.TooBig.Factorize.g.cs" }, second.Sources.Select(s => s.HintName));
        Assert.Equal(first.SourceText(FirstFile), second.SourceText(FirstFile));
    }

    private static void AssertNothingRegenerated(GeneratorRun first, GeneratorRun second)
    {
        foreach (var step in PipelineSteps)
        {
            var reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.Contains(reason, new[] { Cached, Unchanged }));
        }

        Assert.All(OutputReasons(second), reason => Assert.Contains(reason, new[] { Cached, Unchanged }));
        Assert.Equal(first.Sources.Select(s => (s.HintName, s.SourceText.ToString())), second.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(oldText, newText, StringComparison.Ordinal))));
    }

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string stepName)
        => run.Result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : throw new InvalidOperationException($"Step '{stepName}' was not tracked; tracked: {string.Join(", ", run.Result.TrackedSteps.Keys)}");

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRun run, string stepName)
        => Outputs(run, stepName).Select(o => o.Reason).ToList();

    private static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorRun run)
        => run.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    // The model type is internal to the generator; its HintName is read by reflection (no InternalsVisibleTo).
    private static string HintNameOf(object model)
        => model.GetType().GetProperty("HintName")?.GetValue(model) as string
            ?? throw new InvalidOperationException($"{model.GetType().Name} has no HintName property.");
}
