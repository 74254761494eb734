/** The enum and error-code labels the back office shares with the customer client (the labels/ workspace). */
export * from '@pixgate/labels';
