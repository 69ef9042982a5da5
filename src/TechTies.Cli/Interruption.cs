using System.Runtime.InteropServices;

namespace TechTies.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM. While a command writes a file (export --out, import), a signal cancels the write: the
/// command removes its temporary files, leaves the target as it was and exits 130. At any other time the signal ends
/// the process as usual: nothing is half-written then. The handlers are installed when the first write starts, not at
/// start-up: until then the default handling is exactly what they would do, and installing them costs every one-shot
/// command a thread and a few system calls.
/// </summary>
internal static class Interruption
{
    private static readonly Lock Gate = new();
    private static CancellationTokenSource? current;
    private static Registrations? registrations;
    private static bool ended;

    /// <summary>Handles SIGINT and SIGTERM for the life of the process (from the first write on); dispose the result at its end.</summary>
    public static IDisposable Register() => new Ending();

    /// <summary>Runs <paramref name="write"/> so that a signal cancels it through the token it is given.</summary>
    public static T Cancellable<T>(Func<CancellationToken, T> write)
    {
        Install();
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

    private static void Install()
    {
        lock (Gate)
        {
            if (registrations is null && !ended)
            {
                registrations = new(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            }
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

    private sealed class Ending : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                ended = true;
                registrations?.Dispose();
                registrations = null;
            }
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
