using System.Runtime.CompilerServices;

namespace DicomSpecGen.Interop.Tests;

/// <summary>The test host keeps pool threads blocked for the whole run (vstest's Socket.Poll message loop,
/// xunit's RunTestsInAssembly wait): on a 2-core machine that is every minimum thread, so our in-process
/// servers' continuations (accept, read loop, writer, ARTIM) waited for slow starvation injection, which under
/// a busy CPU stalled an association for seconds (no AC, no RJ, no close). Enough threads up front avoid that.</summary>
internal static class TestHostThreadPool
{
#pragma warning disable CA2255 // a test assembly: the pool must be sized before any test starts a server
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
    }
}
