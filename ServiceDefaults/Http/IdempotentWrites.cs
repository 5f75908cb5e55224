using Microsoft.AspNetCore.Routing;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// A write (POST, PUT, PATCH, DELETE) with an <c>Idempotency-Key</c> header is carried out once per
/// caller and key within 24 hours. The request's unit of work inserts the key in the transaction of its
/// effect, so the key exists exactly when the effect does: a retry finds it and gets the first answer
/// again (<c>Idempotency-Replayed: true</c>); a duplicate racing the first blocks on the key at commit,
/// is rolled back and then gets the first answer; a retry after a crash between commit and answer
/// finds the key without an answer and is told so (409), never carried out twice. The same key with
/// another body or route is refused (422). A request that commits nothing (refused, invalid) leaves no
/// key, so it may be retried as it is. Without the header nothing changes.
/// </summary>
public sealed partial class IdempotentWrites(RequestDelegate next, IdempotencyStore store, ILogger<IdempotentWrites> logger)
{
    /// <summary>A key without an answer younger than this is taken to be in flight (409 with Retry-After); older, its answer was lost.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMinutes(2);

    /// <summary>How long a duplicate that lost the race waits for the first request's answer.</summary>
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IdempotencyKey.AppliesTo(context.Request.Method)
            || !context.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values)
            || context.GetEndpoint() is not RouteEndpoint)
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (values.Count != 1 || !IdempotencyKey.IsValid(key))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "shared.idempotency-key-invalid", new Texts.Text("shared.idempotency-key-invalid.detail", IdempotencyKey.MaxLength));
            return;
        }
        if (context.User.Subject() is not { } caller)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        var request = new IdempotentRequest(
            caller, key, $"{context.Request.Method} {context.Request.Path}", IdempotencyKey.HashBody(context.Request.ContentType, body.GetBuffer().AsSpan(0, (int)body.Length)));

        if (await store.FindAsync(caller, key, context.RequestAborted) is { } stored)
        {
            await AnswerAsync(context, request, stored);
            return;
        }

        context.Features.Set(request);
        var original = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        catch (IdempotencyKeyTakenException)
        {
            context.Response.Body = original;
            context.Response.Clear();
            await AnswerAsync(context, request, await WaitForAnswerAsync(caller, key, context.RequestAborted));
            return;
        }
        finally
        {
            context.Response.Body = original;
        }
        if (request.Written)
        {
            var headers = context.Response.Headers;
            await store.SaveAnswerAsync(request, context.Response.StatusCode, context.Response.ContentType, headers.Location.ToString() is { Length: > 0 } location ? location : null, answer.ToArray(),
                seal: context.GetEndpoint()?.Metadata.GetMetadata<NoResidentData>() is not null, CancellationToken.None);
        }
        answer.Position = 0;
        await answer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task<StoredKey?> WaitForAnswerAsync(string caller, string key, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + AnswerWait;
        while (true)
        {
            var stored = await store.FindAsync(caller, key, ct);
            if (stored is null or { Status: not null } || DateTime.UtcNow >= deadline)
            {
                return stored;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private async Task AnswerAsync(HttpContext context, IdempotentRequest request, StoredKey? stored)
    {
        if (stored is null)
        {
            // The first request's row went in the meantime (past its lifetime): nothing to replay, try again.
            context.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "shared.idempotency-in-progress", "shared.idempotency-in-progress.detail");
            return;
        }
        if (stored.Request != request.Request || !stored.RequestHash.AsSpan().SequenceEqual(request.RequestHash))
        {
            await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "shared.idempotency-key-reused", "shared.idempotency-key-reused.detail");
            return;
        }
        if (stored.Status is not { } status)
        {
            if (DateTime.UtcNow - DateTime.SpecifyKind(stored.CreatedAt, DateTimeKind.Utc) < InFlight)
            {
                context.Response.Headers.RetryAfter = "1";
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "shared.idempotency-in-progress", "shared.idempotency-in-progress.answer");
            }
            else
            {
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "shared.idempotency-answer-lost", "shared.idempotency-answer-lost.detail");
            }
            return;
        }
        LogReplayed(logger, request.Request, status);
        context.Response.StatusCode = status;
        context.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        if (stored.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
        }
        if (stored.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }
        // The answer shows the record again: a line in the audit trail as a read of it would have.
        if (context.GetEndpoint()?.Metadata.GetMetadata<AuditedRecord>() is { } audited)
        {
            var entry = AuditConventions.Entry(context, audited.RecordType) with { Outcome = $"replayed {status}" };
            await context.RequestServices.GetRequiredService<AuditTrail>().WriteAsync(entry, context.RequestAborted);
        }
        if (stored.Answer is { Length: > 0 } bytes)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the answer {Status} to {Request} for a repeated Idempotency-Key")]
    private static partial void LogReplayed(ILogger logger, string request, int status);
}
