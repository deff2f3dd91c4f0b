using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// The server's limits on what comes before a body, over a raw socket: an over-long request line (414), an over-large
/// header block (431), too many headers (431), and a body announced by Content-Length as larger than the endpoint
/// takes (413 at once, without waiting for it). Each is answered and the service goes on answering.
/// </summary>
[TestClass]
public sealed class ProtocolLimitTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    [DataRow("request line of 9 KiB", 9 * 1024, 0, 0, 414)]
    [DataRow("one header of 40 KiB", 0, 40 * 1024, 1, 431)]
    [DataRow("101 headers", 0, 10, 101, 431)]
    public async Task RequestHead_OverALimit_IsRefused(string what, int pathLength, int headerLength, int headerCount, int status)
    {
        var head = new StringBuilder($"GET /health?{new string('q', pathLength)} HTTP/1.1\r\nHost: {s_service.Address.Authority}\r\n");
        for (var i = 0; i < headerCount; i++)
        {
            head.Append($"X-H{i}: {new string('h', headerLength)}\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        Assert.AreEqual(status, await StatusAsync(Encoding.ASCII.GetBytes(head.ToString())), what);
        using var health = await s_service.Http.GetAsync("/health");
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
    }

    [TestMethod]
    [DataRow("/api/applications", ServiceUnderTest.ConsultantKey, "application/json")]
    [DataRow("/api/rulesets/validate", ServiceUnderTest.PolicyKey, "application/zip")]
    [DataRow("/login", null, "application/x-www-form-urlencoded")]
    public async Task Body_AnnouncedLargerThanTheEndpointTakes_IsRefusedBeforeItIsSent(string path, string? key, string contentType)
    {
        var head = $"POST {path} HTTP/1.1\r\nHost: {s_service.Address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {64L << 20}\r\n"
            + (key is null ? "" : $"X-Api-Key: {key}\r\n") + "Connection: close\r\n\r\n";
        Assert.AreEqual(413, await StatusAsync(Encoding.ASCII.GetBytes(head)), "answered without waiting for 64 MiB");
    }

    private static async Task<int> StatusAsync(byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, s_service.Address.Port);
        using var stream = client.GetStream();
        await stream.WriteAsync(request);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 ", line, line);
        return int.Parse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }
}
