using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Decomp.Threading;

/// <summary>
/// The threads that run the parallel phases of the blocked algorithms: Environment.ProcessorCount − 1
/// background threads, started on the first multi-threaded call, which spin for a short while after
/// each phase before they sleep. A factorization hands work over several times per block step, and a
/// thread-pool worker that has gone to sleep takes ~80 µs to wake (a Parallel.For after 1 ms of
/// serial work), which at n = 1024 is a tenth of a step.
/// </summary>
internal static class WorkerTeam
{
    // How long an idle worker keeps polling for the next phase before it blocks (about 1 ms).
    private static readonly long SpinTicks = Stopwatch.Frequency / 1000;

    private static readonly object StartLock = new();
    private static readonly ManualResetEventSlim Wake = new(false);
    private static Job? current;
    private static long sequence;
    private static bool started;

    /// <summary>Runs body(0), …, body(count − 1) on the calling thread and up to threads − 1 workers; returns when all are done.</summary>
    public static void For(int threads, int count, Action<int> body)
    {
        Job job = Post(body, count, threads - 1);
        job.Drain();
        job.WaitAndRethrow();
    }

    /// <summary>
    /// Hands <paramref name="work"/> to one worker and returns at once; <see cref="Pending.Join"/> waits for
    /// it (and runs it on the calling thread if no worker has taken it by then).
    /// </summary>
    public static Pending Start(Action work) => new(Post(_ => work(), 1, 1));

    private static Job Post(Action<int> body, int count, int helpers)
    {
        EnsureStarted();
        var job = new Job(body, count, helpers, Interlocked.Increment(ref sequence));
        Volatile.Write(ref current, job);
        Wake.Set();
        return job;
    }

    private static void EnsureStarted()
    {
        if (Volatile.Read(ref started))
        {
            return;
        }

        lock (StartLock)
        {
            if (started)
            {
                return;
            }

            for (int i = 1; i < Environment.ProcessorCount; i++)
            {
                new Thread(Work) { IsBackground = true, Name = $"Decomp worker {i}" }.Start();
            }

            Volatile.Write(ref started, true);
        }
    }

    private static void Work()
    {
        long seen = 0;
        long idleSince = Stopwatch.GetTimestamp();
        while (true)
        {
            Job? job = Volatile.Read(ref current);
            if (job is not null && job.Sequence > seen)
            {
                seen = job.Sequence;
                job.Join();
                idleSince = Stopwatch.GetTimestamp();
                continue;
            }

            if (Stopwatch.GetTimestamp() - idleSince < SpinTicks)
            {
                Thread.SpinWait(20);
                continue;
            }

            // Re-check after the reset so a job posted in between is not slept through.
            Wake.Reset();
            job = Volatile.Read(ref current);
            if (job is null || job.Sequence <= seen)
            {
                Wake.Wait();
            }

            idleSince = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Work handed to a worker by <see cref="Start"/>.</summary>
    public readonly struct Pending
    {
        private readonly Job job;

        internal Pending(Job job) => this.job = job;

        /// <summary>Waits for the work (running it here if no worker took it) and rethrows its exception.</summary>
        public void Join()
        {
            job.Drain();
            job.WaitAndRethrow();
        }
    }

    /// <summary>One phase: items taken from a shared counter by the poster and by at most Helpers workers.</summary>
    internal sealed class Job
    {
        private readonly Action<int> body;
        private readonly int count;
        private int next;
        private int done;
        private int helpers;
        private Exception? error;

        public Job(Action<int> body, int count, int helpers, long sequence)
        {
            this.body = body;
            this.count = count;
            this.helpers = helpers;
            Sequence = sequence;
        }

        public long Sequence { get; }

        /// <summary>A worker joins if the job still wants helpers.</summary>
        public void Join()
        {
            if (Interlocked.Decrement(ref helpers) >= 0)
            {
                Drain();
            }
        }

        /// <summary>Runs items until none are left.</summary>
        public void Drain()
        {
            int index;
            while ((index = Interlocked.Increment(ref next) - 1) < count)
            {
                try
                {
                    body(index);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref error, e, null);
                }

                Interlocked.Increment(ref done);
            }
        }

        /// <summary>Waits until every item has finished, then rethrows the first exception.</summary>
        public void WaitAndRethrow()
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref done) < count)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            Interlocked.CompareExchange(ref current, null, this);
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
    }
}
