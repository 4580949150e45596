namespace Decomp.Generators.Model;

/// <summary>A type the attributed struct is nested in, as its partial declaration must repeat it.</summary>
/// <param name="Modifiers">Modifiers written before <c>partial</c> that every part must repeat: <c>ref</c>, or empty.</param>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The type's name, unescaped (<c>class</c> for a type declared as <c>@class</c>).</param>
internal sealed record ContainingType(string Modifiers, string Keyword, string Name);
