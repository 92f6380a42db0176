namespace Cmdb.TestSupport;

/// <summary>Waits for a condition that becomes true asynchronously; fails with what was awaited.</summary>
public static class Eventually
{
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                    return;
                last = null;
            }
            catch (Exception ex)
            {
                last = ex;
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}" + (last is null ? "" : $" (last error: {last.Message})"), last);
    }

    public static Task Until(Func<bool> condition, TimeSpan timeout, string what) =>
        Until(() => Task.FromResult(condition()), timeout, what);
}
