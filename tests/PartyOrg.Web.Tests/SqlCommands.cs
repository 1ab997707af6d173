namespace PartyOrg.Web.Tests;

/// <summary>Counts the SQL commands EF Core runs while a request is answered (the web tests run one at a time).</summary>
internal static class SqlCommands
{
    public static async Task<(int Commands, TimeSpan Elapsed, HttpResponseMessage Response)> CountAsync(Func<Task<HttpResponseMessage>> request)
    {
        var counter = new Counter();
        using var subscription = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(counter);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await request();
        watch.Stop();
        return (counter.Count, watch.Elapsed, response);
    }

    private sealed class Counter : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private int count;
        public int Count => count;
        public void OnNext(System.Diagnostics.DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore") listener.Subscribe(this);
        }
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted") Interlocked.Increment(ref count);
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
