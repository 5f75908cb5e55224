namespace WijPlatform.Benchmarks;

/// <summary>
/// The one place the benchmarks make HTTP clients. When the stack asks for authentication, the
/// bearer token is added here (DefaultRequestHeaders.Authorization) and every figure carries it.
/// </summary>
public static class BenchHttp
{
    /// <summary>A client for the stack; with <paramref name="token"/>, every request carries it as a bearer token.</summary>
    public static HttpClient Create(Uri baseAddress, string? token = null) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = token is null ? null : new("Bearer", token) },
        };
}
