namespace ServerlessEvents.Testing;
