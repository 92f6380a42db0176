using System.Net;
using System.Net.Sockets;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>
/// A TCP endpoint standing in for a sick LDAP server: one that accepts and then says nothing,
/// one that drops every connection, a pass-through to a real server, or one that passes on only
/// the real server's first answer (the bind) and then goes quiet. It counts connections,
/// so a test can tell how many attempts the client made.
/// </summary>
public sealed class FakeLdapServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    private FakeLdapServer(Func<Socket, Task> serve)
    {
        _listener.Start();
        _accepting = AcceptAsync(serve);
    }

    public string Url => $"ldap://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref _connections);

    public static FakeLdapServer Silent() => new(_ => Task.CompletedTask);

    public static FakeLdapServer DroppingConnections() => new(socket =>
    {
        socket.Close();
        return Task.CompletedTask;
    });

    public static FakeLdapServer ForwardingTo(string url) =>
        new(client => ForwardAsync(client, url, (from, to) => from.CopyToAsync(to)));

    /// <summary>Binds succeed against the real server; every later request waits for an answer that never comes.</summary>
    public static FakeLdapServer AnsweringOnlyTheBind(string url) => DelayingAnswers(url, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

    /// <summary>The real server's first answer (the bind) is held back for <paramref name="first"/>, every later one for <paramref name="later"/>.</summary>
    public static FakeLdapServer DelayingAnswers(string url, TimeSpan first, TimeSpan later) =>
        new(client => ForwardAsync(client, url, async (from, to) =>
        {
            var buffer = new byte[4096];
            var delay = first;
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                await Task.Delay(delay);
                await to.WriteAsync(buffer.AsMemory(0, read));
                delay = later;
            }
        }));

    private static async Task ForwardAsync(Socket client, string url, Func<Stream, Stream, Task> answers)
    {
        var target = new Uri(url);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(target.Host, target.Port);
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        var upstreamStream = upstream.GetStream();
        await Task.WhenAny(clientStream.CopyToAsync(upstreamStream), answers(upstreamStream, clientStream));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_held)
        {
            // Closing the held connections also frees a client blocked in a bind.
            foreach (var socket in _held)
                socket.Dispose();
        }
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Socket, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            lock (_held)
                _held.Add(socket);
            _ = Task.Run(async () =>
            {
                try
                {
                    await serve(socket);
                }
                catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
                {
                    // The client went away: nothing to serve.
                }
            });
        }
    }
}
