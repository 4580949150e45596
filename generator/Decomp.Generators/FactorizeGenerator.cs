using System.Threading;
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

        // 2. Diagnostics branch: report what parsing found, independent of emission.
        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
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
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name, ex.Message));
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
                DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, location, ex.GetType().Name, ex.Message),
            }));
        }
    }
}
