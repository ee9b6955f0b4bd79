metadata description = 'Types shared by the blog\'s modules.'

@export()
@description('Tags applied to resources: names to string values.')
type resourceTags = {
  *: string
}
