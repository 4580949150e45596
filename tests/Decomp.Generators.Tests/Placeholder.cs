namespace Decomp.Generators.Tests;
