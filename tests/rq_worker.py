"""The RQ worker the tests run (``rqworker --worker-class tests.rq_worker.Worker``).

RQ's worker waits on its command channel in a thread that reads for up to 60 seconds at a
time, and closing the channel when a ``--burst`` worker quits can wait for that read to end:
a worker that had finished its jobs sometimes took a minute more to exit. This one reads for
at most half a second, so each test's worker quits when its queue is empty."""

from rq import Worker as RQWorker


class Worker(RQWorker):
    def subscribe(self):
        self.log.info("Worker %s: subscribing to channel %s", self.name, self.pubsub_channel_name)
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(
            sleep_time=0.5, daemon=True, exception_handler=self._pubsub_exception_handler
        )
