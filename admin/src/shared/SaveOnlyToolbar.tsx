import { SaveButton, Toolbar } from 'react-admin';

/** A form's toolbar without react-admin's Delete: the API deletes no customers, users or settings (users are deactivated). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
