using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Keeps the server's warnings and errors (with exceptions) so a failing assertion can show why.</summary>
internal sealed class CollectingLogger : ILogger
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Entries.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }

    public override string ToString() => string.Join(Environment.NewLine, Entries.Take(5));
}
