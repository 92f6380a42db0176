using Cmdb.Api.Infrastructure;
using Cmdb.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Infrastructure;

public sealed class ApiExceptionHandlerTests
{
    public static TheoryData<Exception, int> Cases() => new()
    {
        { new ValidationException([new ValidationFailure("Form.ClusterName", "required")]), 400 },
        { new BadHttpRequestException("bad json", 400), 400 },
        { new NotFoundException("Ticket", 7), 404 },
        { new ForbiddenException("CanApprove", "approvers only"), 403 },
        { new ConflictException("already approved"), 409 },
        { new DbUpdateConcurrencyException("changed"), 409 },
        { new ExternalSystemException("GitLab", "merge failed"), 502 },
        { new ExternalSystemException("GitLab", "unreachable", unavailable: true), 503 },
        { new DatabaseUnavailableException("down"), 503 },
        { new InvalidOperationException("wrapped", new FakeDbException(transient: true)), 503 },
        { new FakeDbException(transient: false), 500 },
        { new NullReferenceException(), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_failure_has_its_status(Exception exception, int status) =>
        Assert.Equal(status, ApiExceptionHandler.Map(exception).Status);

    [Fact]
    public void Validation_errors_are_keyed_by_json_field_path()
    {
        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiExceptionHandler.Map(
            new ValidationException([new ValidationFailure("Form.ClusterName", "required"), new ValidationFailure("Form.ClusterName", "too long")])));
        Assert.Equal(["required", "too long"], problem.Errors["form.clusterName"]);
    }

    [Fact]
    public void A_bug_reveals_nothing_of_its_message()
    {
        ProblemDetails problem = ApiExceptionHandler.Map(new InvalidOperationException("password=hunter2"));
        Assert.Null(problem.Detail);
    }

    [Fact]
    public void A_failing_system_is_named()
    {
        var problem = ApiExceptionHandler.Map(new ExternalSystemException("PowerDNS", "timeout", unavailable: true));
        Assert.Equal("PowerDNS", problem.Extensions["system"]);
    }

    private sealed class FakeDbException(bool transient) : System.Data.Common.DbException("db")
    {
        public override bool IsTransient => transient;
    }
}
