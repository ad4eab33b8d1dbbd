using Akka.Event;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Tests.Support;
using static ContinuousOperation.Actors.Tests.Exchange.ExchangeFixture;

namespace ContinuousOperation.Actors.Tests.Exchange;

/// <summary>The market-data stream's subscriptions: leaving twice, or dying after leaving, is nothing to the venue.</summary>
public class ExchangeStreamTests : SqliteTestKit
{
    [Fact]
    public void A_subscriber_that_unsubscribes_twice_and_then_dies_is_neither_unhandled_nor_a_crash()
    {
        var exchange = Sys.ActorOf(Seam(Settings(), CreateTestProbe().Ref), "exchange");
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var subscriber = CreateTestProbe();
        var stayer = CreateTestProbe();
        foreach (var probe in new[] { subscriber, stayer })
        {
            exchange.Tell(new SubscribeMarketData(Btc.Symbol), probe.Ref);
            probe.FishForMessage<object>(m => m is MarketDataUpdate or MarketDataSnapshot);
        }

        exchange.Tell(new UnsubscribeMarketData(Btc.Symbol), subscriber.Ref);
        exchange.Tell(new UnsubscribeMarketData(Btc.Symbol), subscriber.Ref);
        Watch(subscriber.Ref);
        Sys.Stop(subscriber.Ref);
        ExpectTerminated(subscriber.Ref);

        unhandled.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        // A venue that crashed would have closed its stream on the way down.
        var seen = stayer.ReceiveWhile<object>(TimeSpan.FromSeconds(1), m => m);
        Assert.DoesNotContain(seen, m => m is MarketDataDisconnected);
        Assert.Contains(seen, m => m is MarketDataUpdate);
    }
}
