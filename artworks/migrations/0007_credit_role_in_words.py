from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('artworks', '0006_clean_plain_text'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='artworkartist',
            name='artworkartist_unique_credit',
        ),
        migrations.AddField(
            model_name='artworkartist',
            name='role_text',
            field=models.CharField(blank=True, help_text='For “Other”: the role as the credit says it, e.g. “pupil of”.', max_length=100, verbose_name='role in words'),
        ),
        migrations.AlterField(
            model_name='artworkartist',
            name='role',
            field=models.CharField(choices=[('artist', 'Artist'), ('after', 'After'), ('attributed', 'Attributed to'), ('circle', 'Circle of'), ('follower', 'Follower of'), ('studio', 'Studio of'), ('manner', 'Manner of'), ('school', 'School of'), ('formerly', 'Formerly attributed to'), ('pseudo', 'Pseudo'), ('and-studio', 'and studio'), ('and-pupil', 'and a pupil'), ('and-others', 'and other artists'), ('other', 'Other, before the name'), ('other-after', 'Other, after the name')], default='artist', max_length=20),
        ),
        migrations.AddConstraint(
            model_name='artworkartist',
            constraint=models.UniqueConstraint(fields=('artwork', 'artist', 'role', 'role_text'), name='artworkartist_unique_credit'),
        ),
    ]
