/**
 * Records of project 90425 that more than one app suite reads, as ScopeStack's attributes: its
 * contact Pat Example and its location Denver HQ. A write of them sends these attributes, and a
 * read of the project includes them.
 */

export const PAT_EXAMPLE = {
  name: 'Pat Example',
  title: 'IT Director',
  email: 'pat@client.example',
  phone: '+1 555 0100',
  'contact-type': 'primary_customer_contact',
};

export const DENVER_HQ = {
  name: 'Denver HQ',
  street: '1 Main St',
  city: 'Denver',
  state: 'CO',
  'postal-code': '80202',
  country: 'US',
  remote: false,
};
