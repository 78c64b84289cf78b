namespace ServerlessEvents.Storage;
