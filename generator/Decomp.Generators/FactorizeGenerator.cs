using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Decomp.Generators.Diagnostics;
using Decomp.Generators.Emit;
using Decomp.Generators.Model;
using Decomp.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Decomp.Generators;

/// <summary>Emits a fixed-size factorization kernel into every <c>[Factorize]</c> partial struct.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class FactorizeGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (tests assert their caching).</summary>
    public static class TrackingNames
    {
        /// <summary>Attributed types parsed into models and diagnostics.</summary>
        public const string Parse = "Decomp.Parse";

        /// <summary>Valid models, the input of emission.</summary>
        public const string Models = "Decomp.Models";

        /// <summary>Diagnostics of every attributed type.</summary>
        public const string Diagnostics = "Decomp.Diagnostics";

        /// <summary>Diagnostics with their locations mapped into the current compilation's syntax trees.</summary>
        public const string LocatedDiagnostics = "Decomp.LocatedDiagnostics";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find [Factorize] types and parse each into a value-equatable result (model + diagnostics).
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Decomp.FactorizeAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => ParseSafely(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        // 2. Diagnostics branch: report what parsing found, independent of emission. The compilation maps
        //    each cached location back into its syntax tree (so it is in source, where #pragma and
        //    .editorconfig apply); diagnostics that map to the same tree and span are not reported anew.
        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        var located = diagnostics
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => pair.Left.Select(d => d.ToDiagnostic(pair.Right)).ToImmutableArray())
            .WithComparer(ReportedDiagnosticsComparer.Instance)
            .WithTrackingName(TrackingNames.LocatedDiagnostics);
        context.RegisterSourceOutput(located, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item);
            }
        });

        // 3. Source branch: emit one file per valid model.
        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            try
            {
                if (KernelEmitter.TryEmit(model, out var source))
                {
                    spc.AddSource(model.HintName, source);
                }
            }
            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name, ex.Message));
            }
        });
    }

    // Every literal the generator formats goes through CultureInfo.InvariantCulture (see Numeric),
    // so output never depends on the build machine's locale.
    private static ParseResult ParseSafely(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return FactorizeParser.Parse(context, cancellationToken);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            // A bug of ours must surface as a diagnostic, never as a generator crash (CS8785).
            var location = context.TargetNode.GetLocation();
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, ex.GetType().Name, ex.Message),
            }));
        }
    }
}
