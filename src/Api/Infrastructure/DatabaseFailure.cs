using System.Data.Common;

namespace Cmdb.Api.Infrastructure;

internal static class DatabaseFailure
{
    /// <summary>
    /// True when the exception means the database could not be reached or answered (down,
    /// restarting, timing out), as opposed to a bug in a query.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException { IsTransient: true }:
                case MySqlConnector.MySqlException { ErrorCode: MySqlConnector.MySqlErrorCode.UnableToConnectToHost }:
                case TimeoutException:
                    return true;
                case InvalidOperationException when current.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }
}
