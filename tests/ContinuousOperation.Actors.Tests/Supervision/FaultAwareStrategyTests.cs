using Akka.Actor;
using Akka.TestKit.Xunit2;
using ContinuousOperation.Actors.Faults;

namespace ContinuousOperation.Actors.Tests.Supervision;

public sealed class FaultAwareStrategyTests : TestKit
{
    /// <summary>Creates one child under <see cref="FaultAwareStrategy"/> and forwards what it is told.</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            var child = Context.ActorOf(Props.Create(() => new Thrower()), "child");
            ReceiveAny(message => child.Forward(message));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new FaultAwareStrategy(_ => Directive.Restart);
    }

    private sealed class Thrower : ReceiveActor
    {
        public Thrower() => Receive<Exception>(e => throw e);
    }

    [Fact]
    public void An_injected_crash_is_a_warning_and_not_an_error()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));

        EventFilter.Error().Expect(0, TimeSpan.FromSeconds(1), () =>
            EventFilter.Warning(contains: "injected crash (fault #4) of /user/").ExpectOne(() =>
                parent.Tell(new InjectedFaultException("injected crash (fault #4)"))));
    }

    [Fact]
    public void Any_other_failure_is_still_an_error()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => parent.Tell(new InvalidOperationException("broken")));
    }
}
