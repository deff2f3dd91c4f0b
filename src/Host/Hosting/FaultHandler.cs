using Decisioning.Host.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Hosting;

/// <summary>
/// Turns an exception that escaped an endpoint into a problem, never a stack trace: 503 when the store cannot write,
/// the request's own status for a malformed request, else 500. Each is logged with the correlation id the problem
/// carries, so an operator can find it from what the caller quotes.
/// </summary>
public sealed class FaultHandler(IProblemDetailsService problems, ILogger<FaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var correlationId = context.TraceIdentifier;
        var (status, title, detail) = exception switch
        {
            StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The case store is unavailable",
                "The write could not be made durable, so nothing of it was stored or acknowledged. Try again later; quote the correlation id."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error",
                "The service failed on this request; nothing was acknowledged. Quote the correlation id."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "{Method} {Path} failed with {Status} (correlation id {CorrelationId})",
                context.Request.Method, context.Request.Path, status, correlationId);
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "30";
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
