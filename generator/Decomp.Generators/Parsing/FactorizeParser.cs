using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Decomp.Generators.Diagnostics;
using Decomp.Generators.Emit;
using Decomp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decomp.Generators.Parsing;

/// <summary>Turns one <c>[Factorize]</c>-attributed type into a value-equatable model plus diagnostics.</summary>
internal static class FactorizeParser
{
    /// <summary>The largest order a generated kernel supports; beyond it Decomp.Runtime is the tool.</summary>
    public const int MaxOrder = 32;

    private static readonly Kind[] ImplementedKinds = { Kind.Cholesky, Kind.Ldlt, Kind.LU, Kind.QR, Kind.PivotedQR };

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return Nothing;
        }

        // A name missing from the type, a type around it or its namespace is a syntax error the compiler reports.
        if (IsAnyNameMissing(type, declaration))
        {
            return Nothing;
        }

        // [Factorize] on several partial declarations of one type is the compiler's error (CS0579); only the
        // declaration holding the type's first [Factorize] speaks for it, so there is one model and one file.
        var attribute = FirstFactorizeAttribute(type, context.Attributes);
        if (attribute is null || !IsOn(attribute, declaration))
        {
            return Nothing;
        }

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = attributeSyntax?.GetLocation() ?? declaration.Identifier.GetLocation();

        // An argument the compiler could not bind (wrong type, non-constant, syntax error) is the
        // compiler's error to report; guessing a shape from the rest would only add noise.
        if (!TryReadArguments(attribute, attributeSyntax, out var arguments))
        {
            return Nothing;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var name = type.Name;

        if (type.TypeKind != TypeKind.Struct)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMustBeStruct, location, name, Describe(type)));
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMustBePartial, location, name));
        }

        if (type.IsReadOnly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReadOnlyStructNotSupported, location, name));
        }

        var containingTypes = new List<ContainingType>();
        var isGeneric = type.TypeParameters.Length > 0;
        var fileLocal = type.IsFileLocal ? type : null;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            isGeneric |= outer.TypeParameters.Length > 0;
            fileLocal ??= outer.IsFileLocal ? outer : null;
            if (!IsPartial(outer, cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, name, outer.Name));
            }

            containingTypes.Insert(0, new ContainingType(Modifiers(outer), Keyword(outer), outer.Name));
        }

        if (isGeneric)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericTypeNotSupported, location, name));
        }

        // The generated part lives in a file of its own, where a file-local type is a different type.
        if (fileLocal is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalTypeNotSupported, location, name, fileLocal.Name));
        }

        // The generated kernel owns the storage: TryFactor skips initialization, and fields of another part would
        // have no defined order (CS0282).
        foreach (var member in type.GetMembers())
        {
            if (DescribeInstanceField(member, cancellationToken) is { } field)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InstanceFieldNotSupported, location, name, field));
            }
        }

        Kind? kind = System.Enum.IsDefined(typeof(Kind), arguments.Kind) ? (Kind)arguments.Kind : null;
        var shape = ReadShape(arguments, kind is { } k && IsSquareOnly(k), name, location, diagnostics);

        if (kind is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKind, location, arguments.Kind.ToString(System.Globalization.CultureInfo.InvariantCulture), name));
        }
        else
        {
            if (shape is not null && !shape.IsSquare && IsSquareOnly(kind.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KindRequiresSquareShape, location, kind.Value.ToString(), name, Invariant(shape.Rows), Invariant(shape.Columns)));
                shape = null;
            }

            if (System.Array.IndexOf(ImplementedKinds, kind.Value) < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KindNotYetSupported, location, kind.Value.ToString(), name));
            }

            AddReservedNameClashes(type, KernelEmitter.MemberNames(kind.Value), location, diagnostics);
        }

        var model = diagnostics.Count == 0 && shape is not null && kind is not null
            ? new KernelModel(
                NamespaceName(type.ContainingNamespace),
                new EquatableArray<ContainingType>(containingTypes),
                name,
                Modifiers(type),
                Keyword(type),
                kind.Value,
                shape,
                CaseTag(type))
            : null;
        return new ParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static ParseResult Nothing => new(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>The namespace as a dotted name of unescaped names (<c>class</c> for <c>@class</c>); <see langword="null"/> for the global one.</summary>
    private static string? NamespaceName(INamespaceSymbol? ns)
    {
        var parts = new List<string>();
        for (; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            parts.Insert(0, ns.Name);
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    /// <summary>True if the type, a type around it or a namespace around it has no name (a syntax error).</summary>
    private static bool IsAnyNameMissing(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        if (declaration.Identifier.IsMissing || type.Name.Length == 0)
        {
            return true;
        }

        for (var outer = type.ContainingSymbol; outer is not null && outer is not INamespaceSymbol { IsGlobalNamespace: true }; outer = outer.ContainingSymbol)
        {
            if (outer.Name.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type's first <c>[Factorize]</c> over all its partial declarations, in the compiler's (deterministic) order.</summary>
    private static AttributeData? FirstFactorizeAttribute(INamedTypeSymbol type, System.Collections.Immutable.ImmutableArray<AttributeData> found)
    {
        var attributeClass = found.FirstOrDefault()?.AttributeClass;
        return attributeClass is null
            ? null
            : type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));
    }

    private static bool IsOn(AttributeData attribute, TypeDeclarationSyntax declaration)
        => attribute.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == declaration.SyntaxTree
            && declaration.AttributeLists.Any(list => list.Span.Contains(reference.Span));

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    /// <summary>DECOMP016 once per name of the struct or its members that the kind's generated members use.</summary>
    private static void AddReservedNameClashes(INamedTypeSymbol type, IReadOnlyList<string> reserved, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (reserved.Count == 0)
        {
            return;
        }

        // A member cannot share its enclosing type's name (CS0542), so the struct's own name counts too.
        if (reserved.Contains(type.Name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, location, type.Name, type.Name, "the struct itself"));
        }

        var reported = new HashSet<string>();
        foreach (var member in type.GetMembers())
        {
            if (reserved.Contains(member.Name) && reported.Add(member.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, location, type.Name, member.Name, DescribeMember(member)));
            }
        }
    }

    /// <summary>The shape and element type; with <paramref name="squareOnly"/>, Rows &lt; Columns is left to the caller's DECOMP007.</summary>
    private static KernelShape? ReadShape(Arguments arguments, bool squareOnly, string name, Location location, List<DiagnosticInfo> diagnostics)
    {
        int rows, columns;
        if (arguments.Size is { } size)
        {
            if ((arguments.Rows is { } r && r != size) || (arguments.Columns is { } c && c != size))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingShape, location, name, Invariant(size),
                    arguments.Rows is { } rr ? Invariant(rr) : "(unset)",
                    arguments.Columns is { } cc ? Invariant(cc) : "(unset)"));
                return null;
            }

            rows = columns = size;
        }
        else if (arguments.Rows is { } r && arguments.Columns is { } c)
        {
            rows = r;
            columns = c;
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeMissing, location, name));
            return null;
        }

        var valid = true;
        foreach (var (label, value) in new[] { (arguments.Size is null ? "Rows" : "Size", rows), ("Columns", columns) })
        {
            if (value < 1 || value > MaxOrder)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeOutOfRange, location, label, Invariant(value), name));
                valid = false;
                if (arguments.Size is not null)
                {
                    break;
                }
            }
        }

        // Factoring the transpose, as DECOMP006 advises, is no way out for a square-only kind.
        if (valid && rows < columns && !squareOnly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RowsLessThanColumns, location, name, Invariant(rows), Invariant(columns)));
            valid = false;
        }

        ElementType element;
        switch (arguments.Element)
        {
            case null when arguments.ElementIsNull:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedElementType, location, "null", name));
                return null;
            case null:
            case { SpecialType: SpecialType.System_Double }:
                element = ElementType.Double;
                break;
            case { SpecialType: SpecialType.System_Single }:
                element = ElementType.Float;
                break;
            default:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedElementType, location, $"typeof({arguments.Element.ToDisplayString()})", name));
                return null;
        }

        return valid ? new KernelShape(rows, columns, element) : null;
    }

    private static bool TryReadArguments(AttributeData attribute, AttributeSyntax? syntax, out Arguments arguments)
    {
        arguments = default;
        if (attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Enum, Value: int kind })
        {
            return false;
        }

        arguments.Kind = kind;
        var bound = new HashSet<string>();
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Error)
            {
                return false;
            }

            switch (named.Key)
            {
                case "Size" when named.Value.Value is int value:
                    arguments.Size = value;
                    break;
                case "Rows" when named.Value.Value is int value:
                    arguments.Rows = value;
                    break;
                case "Columns" when named.Value.Value is int value:
                    arguments.Columns = value;
                    break;
                // typeof(Missing) is the compiler's error (CS0246); DECOMP005 on top would only add noise.
                case "Element" when named.Value.Value is ITypeSymbol element && !ContainsErrorType(element):
                    arguments.Element = element;
                    break;
                case "Element" when named.Value.Kind == TypedConstantKind.Type && named.Value.Value is null:
                    arguments.ElementIsNull = true;
                    break;
                default:
                    return false;
            }

            bound.Add(named.Key);
        }

        // A named argument written in source but absent from the bound attribute failed to bind.
        var written = syntax?.ArgumentList?.Arguments
            .Where(a => a.NameEquals is not null)
            .Select(a => a.NameEquals!.Name.Identifier.ValueText) ?? Enumerable.Empty<string>();
        return written.All(bound.Contains);
    }

    /// <summary>
    /// A tag for the hint name when the struct, a containing type or a namespace on its path has a sibling whose name
    /// differs only in case: Roslyn compares hint names ignoring case, and two equal ones fail the whole generator run.
    /// Each of the colliding types sees the other, so both get tags, and the tags (FNV-1a of the exact path) differ.
    /// </summary>
    private static string? CaseTag(INamedTypeSymbol type)
    {
        var collides = false;
        for (ISymbol symbol = type; symbol.ContainingSymbol is { } parent && !collides; symbol = parent)
        {
            if (symbol is INamespaceSymbol { IsGlobalNamespace: true })
            {
                break;
            }

            var siblings = parent switch
            {
                INamespaceSymbol ns => ns.GetMembers().Cast<ISymbol>(),
                INamedTypeSymbol outer => outer.GetTypeMembers(),
                _ => Enumerable.Empty<ISymbol>(),
            };
            collides = siblings.Any(s => s.Name != symbol.Name && string.Equals(s.Name, symbol.Name, System.StringComparison.OrdinalIgnoreCase));
        }

        if (!collides)
        {
            return null;
        }

        var hash = 2166136261u;
        foreach (var ch in type.ToDisplayString())
        {
            hash = unchecked((hash ^ ch) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsSquareOnly(Kind kind) => kind is Kind.Cholesky or Kind.Ldlt or Kind.LU or Kind.SymmetricEigen;

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Modifiers that go before <c>partial</c> and that every part of the type repeats.</summary>
    private static string Modifiers(INamedTypeSymbol type) => type.IsRefLikeType ? "ref" : string.Empty;

    private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        TypeKind.Interface => "interface",
        _ => type.IsRecord ? "record" : "class",
    };

    /// <summary>What the type is, with its article: <c>a class</c>, <c>an interface</c>.</summary>
    private static string Describe(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Class => type.IsRecord ? "a record class" : "a class",
        TypeKind.Interface => "an interface",
        TypeKind.Enum => "an enum",
        TypeKind.Delegate => "a delegate",
        _ => "a " + type.TypeKind.ToString().ToLowerInvariant(),
    };

    /// <summary>What a member that stores instance data is (<c>the instance field 'x'</c>), or <see langword="null"/> if it stores none.</summary>
    private static string? DescribeInstanceField(ISymbol member, CancellationToken cancellationToken)
    {
        switch (member)
        {
            case IFieldSymbol { IsStatic: false, IsConst: false, AssociatedSymbol: IPropertySymbol property }:
                return $"the instance auto-property '{property.Name}'";
            case IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: true } field when field.Name.StartsWith("<", System.StringComparison.Ordinal):
                // A captured primary-constructor parameter: the compiler names its field <x>P.
                var end = field.Name.IndexOf('>');
                return $"the primary-constructor parameter '{(end > 1 ? field.Name.Substring(1, end - 1) : field.Name)}', captured as a field";
            case IFieldSymbol { IsStatic: false, IsConst: false } field:
                return $"the instance field '{field.Name}'";
            case IEventSymbol { IsStatic: false } @event when @event.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is VariableDeclaratorSyntax):
                // A field-like event; its backing field is not among the members.
                return $"the field-like event '{@event.Name}'";
            default:
                return null;
        }
    }

    private static string DescribeMember(ISymbol member) => member switch
    {
        IFieldSymbol { IsConst: true } => "a constant",
        IFieldSymbol => "a field",
        IPropertySymbol => "a property",
        IEventSymbol => "an event",
        IMethodSymbol => "a method",
        ITypeSymbol => "a nested type",
        _ => "a member",
    };

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private struct Arguments
    {
        public int Kind;
        public int? Size;
        public int? Rows;
        public int? Columns;
        public ITypeSymbol? Element;
        public bool ElementIsNull;
    }
}
