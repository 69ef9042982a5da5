using System.Runtime.InteropServices;

namespace TechTies.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM. While a command writes a file (export --out, import), a signal cancels the write: the
/// command removes its temporary files, leaves the target as it was and exits 130. At any other time the signal ends
/// the process as usual: nothing is half-written then.
/// </summary>
internal static class Interruption
{
    private static CancellationTokenSource? current;

    /// <summary>Handles SIGINT and SIGTERM for the life of the process; dispose the result at its end.</summary>
    public static IDisposable Register()
    {
        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return new Registrations(interrupt, terminate);
    }

    /// <summary>Runs <paramref name="write"/> so that a signal cancels it through the token it is given.</summary>
    public static T Cancellable<T>(Func<CancellationToken, T> write)
    {
        var source = new CancellationTokenSource();
        Interlocked.Exchange(ref current, source);
        try
        {
            return write(source.Token);
        }
        finally
        {
            Interlocked.CompareExchange(ref current, null, source);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        if (Volatile.Read(ref current) is { IsCancellationRequested: false } source)
        {
            context.Cancel = true;
            source.Cancel();
        }
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
