using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli;

/// <summary>The console logger factory, made when the first message at or above <paramref name="minimum"/> is logged.
/// Building it (LoggerFactory.Create: dependency injection over open generic types, which Native AOT constructs at run
/// time) took most of a short command's start (`dsg echo`, `dsg store`), and at the default level most runs log
/// nothing. The level test is the factory's own (<c>SetMinimumLevel</c>, no other filter).</summary>
internal sealed class DeferredLoggerFactory(LogLevel minimum, Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _factory = new(create);
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Deferred(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    /// <summary>Disposes the factory if made, which writes out what the console logger still queues.</summary>
    public void Dispose()
    {
        if (_factory.IsValueCreated) _factory.Value.Dispose();
    }

    private sealed class Deferred(DeferredLoggerFactory owner, string category) : ILogger
    {
        private ILogger? _logger;

        private ILogger Logger => _logger ??= owner._factory.Value.CreateLogger(category);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner._minimum;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Logger.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Logger.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
