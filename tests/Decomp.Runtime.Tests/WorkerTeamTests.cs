using System;
using System.Threading;
using Decomp.Threading;
using Xunit;

namespace Decomp.Runtime.Tests;

public class WorkerTeamTests
{
    [Fact]
    public void For_RunsEveryIndexExactlyOnce()
    {
        for (int round = 0; round < 50; round++)
        {
            int count = 1 + (round * 7 % 40);
            int[] runs = new int[count];
            WorkerTeam.For(Math.Max(2, Environment.ProcessorCount), count, i => Interlocked.Increment(ref runs[i]));
            Assert.All(runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void For_RethrowsAnItemsException_AfterEveryItemHasFinished()
    {
        int finished = 0;
        var error = Assert.Throws<InvalidOperationException>(() => WorkerTeam.For(2, 16, i =>
        {
            if (i == 5)
            {
                throw new InvalidOperationException("item 5");
            }

            Interlocked.Increment(ref finished);
        }));
        Assert.Equal("item 5", error.Message);
        Assert.Equal(15, Volatile.Read(ref finished));
    }

    [Fact]
    public void Start_RunsTheWorkOnce_AndJoinRethrowsItsException()
    {
        int runs = 0;
        WorkerTeam.Start(() => Interlocked.Increment(ref runs)).Join();
        Assert.Equal(1, runs);

        WorkerTeam.Pending failing = WorkerTeam.Start(() => throw new InvalidOperationException("side"));
        Assert.Equal("side", Assert.Throws<InvalidOperationException>(failing.Join).Message);
    }
}
