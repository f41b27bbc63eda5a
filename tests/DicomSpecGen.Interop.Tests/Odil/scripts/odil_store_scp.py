"""A storage SCP built on python3-odil (its CLI has none): serves associations one after another on a port, answers
C-ECHO and C-STORE, and writes each received data set as FOLDER/SOPInstanceUID. Stops after --max-seconds."""
import argparse
import os
import signal
import sys

import odil


def serve(port, folder):
    association = odil.Association()
    # Accepts what is proposed (odil's default acceptor); rejects nothing by called AE.
    association.receive_association("v4", port)
    dispatcher = odil.SCPDispatcher(association)

    def store(request):
        data_set = request.get_data_set()
        uid = data_set.as_string("SOPInstanceUID")[0]
        uid = uid.decode() if isinstance(uid, bytes) else uid
        with odil.open(os.path.join(folder, uid), "wb") as fd:
            odil.Writer.write_file(data_set, fd)
        print("stored", uid, flush=True)
        return 0

    echo_scp = odil.EchoSCP(association)
    echo_scp.set_callback(lambda request: 0)  # Success
    dispatcher.set_echo_scp(echo_scp)
    store_scp = odil.StoreSCP(association)
    store_scp.set_callback(store)  # the callback constructor is not usable from Python in odil 0.12's bindings
    dispatcher.set_store_scp(store_scp)
    while True:
        try:
            dispatcher.dispatch()
        except odil.AssociationReleased:
            return
        except odil.AssociationAborted:
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--max-seconds", type=int, default=180)
    arguments = parser.parse_args()
    signal.alarm(arguments.max_seconds)
    while True:
        try:
            serve(arguments.port, arguments.folder)
        except Exception as e:  # a connection that carries no association (a readiness probe)
            print("association failed:", e, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
