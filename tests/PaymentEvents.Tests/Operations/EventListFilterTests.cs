using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PaymentEvents.Dashboard;
using PaymentEvents.Operations;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Operations;

/// <summary>The one parser of list filters, read the same way by the admin API and the dashboard's events page.</summary>
public sealed class EventListFilterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-01T12:00")]
    [InlineData("2026-03-01T12:00:00Z")]
    [InlineData("2026-03-01T14:00:00+02:00")]
    [InlineData("2026-03-01T07:00:00-05:00")]
    public void A_time_is_that_instant_in_UTC_and_one_without_an_offset_is_UTC(string text)
    {
        var (query, error) = new EventListFilter(ReceivedAfter: text, ReceivedBefore: text).ToQuery(50);

        Assert.Null(error);
        Assert.Equal(Noon, query!.ReceivedAfter);
        Assert.Equal(TimeSpan.Zero, query.ReceivedAfter!.Value.Offset);
        Assert.Equal(Noon, query.ReceivedBefore);
    }

    [Fact]
    public void Empty_values_are_no_filter_and_the_rest_reach_the_query()
    {
        var (query, error) = new EventListFilter("invoice.paid", "dead", "in_1", "true", "", "", "Shop.Handler", "evt_", "c1").ToQuery(7);

        Assert.Null(error);
        Assert.Equal(new EventQuery("invoice.paid", EventStatus.Dead, "in_1", 7, "c1") { Livemode = true, Handler = "Shop.Handler", IdPrefix = "evt_" }, query);
        Assert.Equal(new EventQuery(Limit: 50), new EventListFilter("", "", "", "", "", "", "", "", "").ToQuery(50).Query);
    }

    [Theory]
    [InlineData("status", "sleeping", "status must be one of received, processing, processed, failed, dead, ignored, resolved, got 'sleeping'.")]
    [InlineData("livemode", "maybe", "livemode must be true or false, got 'maybe'.")]
    [InlineData("received_after", "yesterday", "received_after must be an ISO 8601 time such as 2026-03-01T12:00:00Z (UTC when it has no offset), got 'yesterday'.")]
    [InlineData("received_before", "noon", "received_before must be an ISO 8601 time such as 2026-03-01T12:00:00Z (UTC when it has no offset), got 'noon'.")]
    public void A_value_not_understood_names_the_parameter_and_quotes_it(string name, string value, string detail)
    {
        var filter = name switch
        {
            "status" => new EventListFilter(Status: value),
            "livemode" => new EventListFilter(Livemode: value),
            "received_after" => new EventListFilter(ReceivedAfter: value),
            _ => new EventListFilter(ReceivedBefore: value),
        };

        var (query, error) = filter.ToQuery(50);

        Assert.Null(query);
        Assert.Equal(new EventFilterError(name, detail), error);
    }

    [Fact]
    public void The_dashboard_reads_its_query_string_through_the_same_parser()
    {
        var queryString = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["status"] = "failed",
            ["received_after"] = " 2026-03-01T14:00:00+02:00 ",
            ["type"] = "   ",
        });

        var (query, error) = EventFilter.From(queryString).ToQuery();

        Assert.Null(error);
        Assert.Equal(new EventQuery(Status: EventStatus.Failed, Limit: EventFilter.PageSize) { ReceivedAfter = Noon }, query);
    }
}
