using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Monitoring;
using ContinuousOperation.Domain.Monitoring;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Monitoring;

public class LostMessageWatcherTests : TestKit
{
    private static readonly Symbol Btc = new("BTC-USDT");

    private sealed class HandlesNothing : ReceiveActor;

    /// <summary>Starts the watcher and returns once it listens: an actor answers Identify only after its PreStart,
    /// where the watcher subscribes.</summary>
    private TestProbe StartWatcher()
    {
        var metrics = CreateTestProbe();
        var watcher = Sys.ActorOf(LostMessageWatcher.Props(metrics.Ref));
        watcher.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(3)).Wait();
        return metrics;
    }

    [Fact]
    public void A_business_message_lost_to_dead_letters_is_an_error_naming_its_recipient_and_symbol()
    {
        var metrics = StartWatcher();
        var gone = Sys.ActorOf(Props.Create(() => new HandlesNothing()), "trader-BTC-USDT");
        Watch(gone);
        gone.Tell(PoisonPill.Instance);
        ExpectTerminated(gone);

        gone.Tell(new OrderPlaced(Btc, new ClientOrderId("BTC-USDT-1")));

        var error = metrics.ExpectMsg<ReportError>();
        Assert.Equal(ErrorKind.LostMessage, error.Kind);
        Assert.Contains("trader-BTC-USDT", error.Source);
        Assert.Contains(nameof(OrderPlaced), error.Message);
    }

    [Fact]
    public void Market_data_lost_to_dead_letters_is_not_an_error_because_streams_resync()
    {
        var metrics = StartWatcher();

        Sys.DeadLetters.Tell(new MarketDataHeartbeat(Btc, 3));
        Sys.DeadLetters.Tell(new OrderPlaced(Btc, new ClientOrderId("BTC-USDT-2")));

        // Dead letters are published in order: had the heartbeat been reported, its report would come first.
        Assert.Contains(nameof(OrderPlaced), metrics.ExpectMsg<ReportError>().Message);
        metrics.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_burst_of_dead_letters_is_summarized_in_one_line_by_message_type()
    {
        StartWatcher();

        EventFilter.Info(contains: "3 dead letter(s) since the last summary (MarketDataHeartbeat 2, OrderPlaced 1)").ExpectOne(TimeSpan.FromSeconds(5), () =>
        {
            Sys.DeadLetters.Tell(new MarketDataHeartbeat(Btc, 3));
            Sys.DeadLetters.Tell(new MarketDataHeartbeat(Btc, 4));
            Sys.DeadLetters.Tell(new OrderPlaced(Btc, new ClientOrderId("BTC-USDT-3")));
        });
    }

    [Fact]
    public void A_message_of_the_run_that_its_receiver_does_not_handle_is_an_error()
    {
        var metrics = StartWatcher();
        var deaf = Sys.ActorOf(Props.Create(() => new HandlesNothing()));

        deaf.Tell(new CloseBook(Btc));

        Assert.Contains("not handled", metrics.ExpectMsg<ReportError>().Message);
    }
}
