using Akka.Actor;
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

    [Fact]
    public void A_business_message_lost_to_dead_letters_is_an_error_naming_its_recipient()
    {
        var metrics = CreateTestProbe();
        Sys.ActorOf(LostMessageWatcher.Props(metrics.Ref));
        var gone = Sys.ActorOf(Props.Create(() => new HandlesNothing()), "trader-BTC-USDT");
        Watch(gone);
        gone.Tell(PoisonPill.Instance);
        ExpectTerminated(gone);

        AwaitAssert(() =>
        {
            gone.Tell(new OrderPlaced(Btc, new ClientOrderId("BTC-USDT-1")));
            var error = metrics.ExpectMsg<ReportError>(TimeSpan.FromMilliseconds(300));
            Assert.Equal(ErrorKind.LostMessage, error.Kind);
            Assert.Contains("trader-BTC-USDT", error.Source);
            Assert.Contains(nameof(OrderPlaced), error.Message);
        });
    }

    [Fact]
    public void Market_data_lost_to_dead_letters_is_not_an_error_because_streams_resync()
    {
        var metrics = CreateTestProbe();
        Sys.ActorOf(LostMessageWatcher.Props(metrics.Ref));

        // Dead letters are published in order: the first report is about the order reply, not the heartbeat before it.
        AwaitAssert(() =>
        {
            Sys.DeadLetters.Tell(new MarketDataHeartbeat(Btc, 3));
            Sys.DeadLetters.Tell(new OrderPlaced(Btc, new ClientOrderId("BTC-USDT-2")));
            Assert.Contains(nameof(OrderPlaced), metrics.ExpectMsg<ReportError>(TimeSpan.FromMilliseconds(300)).Message);
        });
    }

    [Fact]
    public void A_message_of_the_run_that_its_receiver_does_not_handle_is_an_error()
    {
        var metrics = CreateTestProbe();
        Sys.ActorOf(LostMessageWatcher.Props(metrics.Ref));
        var deaf = Sys.ActorOf(Props.Create(() => new HandlesNothing()));

        AwaitAssert(() =>
        {
            deaf.Tell(CloseBooks.Instance);
            Assert.Contains("not handled", metrics.ExpectMsg<ReportError>(TimeSpan.FromMilliseconds(300)).Message);
        });
    }
}
