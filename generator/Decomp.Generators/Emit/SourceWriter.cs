using System;
using System.Text;

namespace Decomp.Generators.Emit;

/// <summary>A small indenting text writer for generated C#.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        for (var i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes a multi-line block (e.g. a raw string literal), re-indenting each line to the current level.</summary>
    public void WriteBlock(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var end = lines.Length;
        while (end > 0 && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }

        for (var i = 0; i < end; i++)
        {
            WriteLine(lines[i].TrimEnd());
        }
    }

    /// <summary>
    /// Writes <paramref name="header"/> (none when empty: a bare scope) and an opening brace, and indents until the
    /// returned scope is disposed.
    /// </summary>
    public Scope Block(string header)
    {
        if (header.Length > 0)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
        return new Scope(this);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;

        public Scope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.WriteLine("}");
        }
    }
}
